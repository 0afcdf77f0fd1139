import { DateTime } from "luxon";
import type { SkipReason } from "../campaign/decision.js";
import type { CampaignPlanSummary, DueDecision } from "../jobs/plan-campaign.js";
import { formatCount } from "../reports/format-numbers.js";

const reasonWords: Record<SkipReason, string> = {
  registered: "registered",
  excluded: "excluded",
  notInPhase: "in no phase",
  paused: "paused",
  notYet: "not due yet",
  outsideWindow: "outside their hours",
  snoozed: "snoozed",
  remindedToday: "reminded today",
  alreadyReminded: "already reminded for this step",
  overdueLimit: "past the overdue limit",
  unreachable: "unreachable",
};

/** What `preview` prints for people: the counts, then the first decisions with their reasons. */
export function formatPreviewText(
  summary: CampaignPlanSummary,
  due: readonly DueDecision[],
  now: Date,
  timeZone: string,
  shown = 25,
): string {
  const when = DateTime.fromJSDate(now, { zone: timeZone }).toFormat("ccc d LLL yyyy HH:mm");
  const lines = [
    `Preview for ${when} (${timeZone}): ${formatCount(summary.remind)} reminders and ${formatCount(summary.escalate)} ` +
      `escalations would be sent now.`,
    `Not now: ${
      Object.entries(summary.skipped)
        .filter(([, n]) => n > 0)
        .sort(([, a], [, b]) => b - a)
        .map(([reason, n]) => `${formatCount(n)} ${reasonWords[reason as SkipReason]}`)
        .join(" · ") || "nobody"
    }`,
    "",
  ];
  if (due.length > 0) {
    const upnWidth = Math.min(40, Math.max(6, ...due.slice(0, shown).map((d) => d.userPrincipalName.length)));
    lines.push(`  ${"action".padEnd(9)}${"person".padEnd(upnWidth + 2)}${"phase".padEnd(12)}${"deadline".padEnd(12)}why`);
    for (const d of due.slice(0, shown)) {
      lines.push(
        `  ${d.action.padEnd(9)}${d.userPrincipalName.padEnd(upnWidth + 2)}${d.phase.padEnd(12)}${d.deadline.padEnd(12)}${d.reason}`,
      );
    }
    if (due.length > shown) lines.push(`  ...and ${formatCount(due.length - shown)} more (--json lists them all)`);
    lines.push("");
  }
  return lines.join("\n");
}
