import { escapeHtml } from "../../../cards/escape-html.js";
import { inlineJson } from "../../../cards/inline-json.js";
import { cardFrame } from "../../../cards/render-card-preview-html.js";
import { formatCount } from "../../../reports/format-numbers.js";
import { campaignDayNumber } from "./campaign-day-number.js";
import type { DemoMessage, DemoPerson } from "./demo-report-data.js";
import { formatSimulatedTime } from "./format-simulated-time.js";
import { personStatus } from "./person-status.js";

// Who saw each kind of card: only reminders and replies went to the person themselves.
const KIND_NAMES: Record<DemoMessage["kind"], string> = {
  reminder: "Reminder",
  reply: "Reply to a button",
  escalation: "To their manager",
  helpdesk: "To the helpdesk channel",
};

/**
 * One person's messages in time order, each with an empty card frame. The cards travel as JSON in
 * the section and are drawn only when it opens: a demo page holds thousands of cards, and drawing
 * them all would keep the page from opening for many seconds.
 */
export function personSection(person: DemoPerson, anchor: string, startedAt: string): string {
  const count = person.messages.length;
  const messages = person.messages.map((message, i) => {
    const day = campaignDayNumber(message.at, startedAt);
    const when = `${day === null ? "" : `Day ${day} · `}${formatSimulatedTime(message.at)}`;
    return (
      `<li class="message kind-${message.kind}">
<div class="message-meta"><time datetime="${escapeHtml(message.at)}">${escapeHtml(when)}</time><span ` +
      `class="kind">${KIND_NAMES[message.kind] ?? escapeHtml(String(message.kind))}</span><span ` +
      `class="label">${escapeHtml(message.label)}</span></div>
${cardFrame(i)}
</li>`
    );
  });
  const body =
    count === 0
      ? `<p class="no-messages">No messages. ${escapeHtml(person.outcome)}</p>`
      : `<ol class="messages">\n${messages.join("\n")}\n</ol>\n<script type="application/json" ` +
        `class="person-cards">${inlineJson(person.messages.map((m) => m.card))}</script>`;
  return (
    `<details class="person status-${personStatus(person)}" id="${escapeHtml(anchor)}">
<summary><span class="dot" aria-hidden="true"></span><span class="name">${escapeHtml(person.displayName)}</span><span ` +
    `class="upn">${escapeHtml(person.userPrincipalName)}</span><span ` +
    `class="summary-outcome">${escapeHtml(person.outcome)}</span><span ` +
    `class="count">${formatCount(count)} ${count === 1 ? "message" : "messages"}</span></summary>
<div class="person-body">
<p class="person-facts">${escapeHtml(person.department ?? "No department")} · ` +
    `${person.registeredOn === null ? "not registered" : `registered on ${escapeHtml(person.registeredOn)}`}</p>
${body}
</div>
</details>`
  );
}
