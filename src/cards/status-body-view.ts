import type { CardContext, StatusCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import { unreachableReason } from "./unreachable-reason.js";
import { formatDeadline, formatMoment, formatShortDate } from "./format-card-date.js";
import { formatCardCount, formatCardPercent, percentOf } from "./format-card-number.js";
import { registeredDonutView, trendLineView } from "./status-charts-view.js";

// A card lists a few names and counts the rest; a phone shows five lines without scrolling past them.
export const NAMES_SHOWN = 5;
const DEPARTMENTS_SHOWN = 5;
// A campaign has a handful of phases; a file with dozens still gets a card that fits in a message.
const PHASES_SHOWN = 6;
// The line's days: two months, as the store keeps them; older points would only crowd the chart.
const TREND_DAYS = 60;

const STATES = ["registered", "remindedNotRegistered", "notYetReminded", "snoozed", "unreachable", "excluded"] as const;

type Fact = { label: string; value: string };

/**
 * What cards/status.json shows below its title, for `/mfa status` and the daily report alike.
 * `withZone` names the time zone beside times, for a channel whose readers sit in several zones.
 */
export function statusBodyView(card: StatusCard, context: CardContext, text: CardText, withZone: boolean) {
  const count = (n: number) => formatCardCount(n, context.language);
  const share = (part: number, whole: number) => formatCardPercent(percentOf(part, whole), text);
  const unreachable = card.unreachable.slice(0, NAMES_SHOWN);
  const moreUnreachable = Math.max(0, card.unreachableCount - unreachable.length);
  const behind = furthestBehind(card.furthestBehind);
  return {
    asOf: card.lastSync === null ? text.text("status.noSync") : text.text("status.asOf", formatMoment(card.lastSync, context, withZone)),
    enforcement: enforcementView(card.enforcement, context, text),
    paused: {
      show: card.paused !== null,
      title: text.text("status.paused.title"),
      by:
        card.paused === null
          ? ""
          : text.text("status.paused.by", { by: card.paused.by, ...formatMoment(card.paused.at, context, withZone) }),
    },
    figures: {
      show: card.members > 0,
      donut: registeredDonutView(card, text),
      admins: {
        show: card.admins > 0,
        allRegistered: card.adminsNotRegistered === 0,
        text: text.text("status.admins", { registered: count(card.admins - card.adminsNotRegistered), count: count(card.admins) }),
      },
      trend: trendLineView(card.trend.slice(-TREND_DAYS), context, text),
      byState: {
        title: text.text("status.byState.title"),
        facts: STATES.map((state): Fact => ({ label: text.text(`status.byState.${state}`), value: count(card.byState[state]) })),
      },
      phases: {
        show: card.phases.length > 0,
        title: text.text("status.phases.title"),
        items: card.phases.slice(0, PHASES_SHOWN).map((phase) => ({
          name: phase.name,
          deadline: phaseDeadline(phase, context, text),
          progress: text.text("status.phases.progress", {
            registered: count(phase.registered),
            members: count(phase.members),
            percent: share(phase.registered, phase.members),
          }),
        })),
        showMore: card.phases.length > PHASES_SHOWN,
        more: text.plural("list.more", Math.max(0, card.phases.length - PHASES_SHOWN)),
      },
      behind: {
        show: behind.length > 0,
        title: text.text("status.behind.title"),
        facts: behind.map((d): Fact => ({
          label: d.department,
          value: text.text("status.behind.progress", {
            registered: count(d.registered),
            members: count(d.members),
            percent: share(d.registered, d.members),
          }),
        })),
      },
      signIns: {
        show: card.signInInterrupts !== null,
        title: text.plural("status.signIns.title", card.signInInterrupts?.people ?? 0, {
          count: count(card.signInInterrupts?.people ?? 0),
        }),
        apps: (card.signInInterrupts?.topApps ?? []).map((a) =>
          text.plural("status.signIns.app", a.people, { app: a.app, count: count(a.people) }),
        ),
        hint: text.text("status.signIns.hint"),
        showHint: (card.signInInterrupts?.people ?? 0) > 0,
      },
      unreachable: {
        show: card.unreachableCount > 0,
        title: text.text("status.unreachable.title"),
        people: unreachable.map((person) =>
          text.text("status.unreachable.person", {
            displayName: person.displayName,
            userPrincipalName: person.userPrincipalName,
            reason: unreachableReason(person.code, text),
          }),
        ),
        showMore: moreUnreachable > 0,
        more: text.plural("list.more", moreUnreachable),
      },
    },
  };
}

// Enforced for everyone is as it should be; anything less is worth the reader's eye, nothing at all most of all.
const ENFORCEMENT_COLORS = {
  securityDefaults: "default",
  conditionalAccess: "default",
  partial: "warning",
  reportOnly: "warning",
  none: "attention",
  unknown: "default",
} as const;

/** One line: how MFA is enforced, as the last doctor run found it, and when that was. */
function enforcementView(line: StatusCard["enforcement"], context: CardContext, text: CardText): { text: string; color: string } {
  if (line === null) return { text: text.text("status.enforcement.notChecked"), color: "default" };
  const policies = line.policies.map((name) => `"${name}"`).join(", ");
  const date = line.checkedAt === "" ? "" : formatShortDate(line.checkedAt, context);
  return { text: text.text(`status.enforcement.${line.state}`, { policies, date }), color: ENFORCEMENT_COLORS[line.state] };
}

function phaseDeadline(phase: StatusCard["phases"][number], context: CardContext, text: CardText): string {
  if (phase.deadline !== null) return text.text("status.phases.deadline", { deadline: formatDeadline(phase.deadline, context) });
  if (phase.deadlineDaysAfterFirstReminder !== null) {
    return text.plural("status.phases.relativeDeadline", phase.deadlineDaysAfterFirstReminder);
  }
  return text.text("status.phases.noDeadline");
}

/** The departments with the lowest share registered; of two equal, the bigger first (more people left). */
function furthestBehind(departments: StatusCard["furthestBehind"]): StatusCard["furthestBehind"] {
  return departments
    .filter((d) => d.members > 0)
    .map((d) => ({ d, share: d.registered / d.members }))
    .sort((a, b) => a.share - b.share || b.d.members - a.d.members)
    .slice(0, DEPARTMENTS_SHOWN)
    .map(({ d }) => d);
}
