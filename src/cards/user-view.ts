import type { CardContext, UserCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { describeDaysLeft } from "./describe-days-left.js";
import { formatDeadline, formatMoment, formatShortDate } from "./format-card-date.js";
import { methodNames } from "./method-names.js";
import { unreachableReason } from "./unreachable-reason.js";

// The most recent entries of a long history; each is about 150 bytes, and the card must stay under
// Teams' 28 KB (see test/cards/card-size.test.ts).
const EVENTS_SHOWN = 25;

/** Binds cards/user.json: one person, what the bot knows of them and everything it has done, oldest first. */
export function userView(card: UserCard, context: CardContext, text: CardText): CardView {
  const methods = methodNames(card.methodsRegistered, text);
  const facts = [
    { label: text.text("user.facts.methods"), value: methods.length > 0 ? methods.join(", ") : text.text("methods.none") },
    ...(card.department === null ? [] : [{ label: text.text("user.facts.department"), value: card.department }]),
    ...(card.managerName === null ? [] : [{ label: text.text("user.facts.manager"), value: card.managerName }]),
    { label: text.text("user.facts.phase"), value: card.phase ?? text.text("user.noPhase") },
    { label: text.text("user.facts.deadline"), value: deadlineText(card, context, text) },
  ];
  const sorted = [...card.events].map((event) => ({ event, at: Date.parse(event.at) })).sort((a, b) => a.at - b.at);
  const earlier = Math.max(0, sorted.length - EVENTS_SHOWN);
  const events = sorted.slice(earlier).map(({ event }) => ({
    // Short enough for the fact title's column; no-break spaces keep "10 mars à 10:00" on one line.
    when: text
      .text("user.eventTime", {
        date: formatShortDate(event.at, context, { weekday: false }),
        time: formatMoment(event.at, context).time,
      })
      .replace(/ /g, "\u00a0"),
    what: event.what,
  }));
  const data = {
    ...commonView(context, text),
    title: card.displayName,
    userPrincipalName: card.userPrincipalName,
    state: stateView(card, text),
    unreachable: {
      show: card.unreachable !== null,
      text: text.text("user.unreachable", { reason: unreachableReason(card.unreachable?.code ?? null, text) }),
    },
    facts,
    history: {
      title: text.text("user.history"),
      empty: events.length === 0,
      none: text.text("user.noEvents"),
      earlier: { show: earlier > 0, text: text.plural("user.earlier", earlier) },
      events,
    },
  };
  return { template: "user", data };
}

function stateView(card: UserCard, text: CardText): { text: string; color: string } {
  if (card.excludedBecause !== null) return { text: text.text("user.state.excluded", { reason: card.excludedBecause }), color: "default" };
  if (card.registered) return { text: text.text("user.state.registered"), color: "good" };
  const overdue = card.daysLeft !== null && card.daysLeft < 0;
  return { text: text.text("user.state.notRegistered"), color: overdue ? "attention" : "default" };
}

/** "Friday 14 March 2025 (3 days left)"; once registered the countdown no longer matters. */
function deadlineText(card: UserCard, context: CardContext, text: CardText): string {
  if (card.deadline === null) return text.text("user.noDeadline");
  const date = formatDeadline(card.deadline, context);
  if (card.registered || card.daysLeft === null) return date;
  return text.text("user.deadlineValue", { date, status: describeDaysLeft(card.daysLeft, text) });
}
