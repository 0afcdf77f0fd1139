import type { CardContext, PendingCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { describeProgress } from "./describe-progress.js";
import { formatCardCount } from "./format-card-number.js";
import { formatMoment } from "./format-card-date.js";

/**
 * Binds cards/pending.json: one page of people not registered. The next page is a command to type,
 * not a button: a typed command is answered by the same admin check as every other.
 */
export function pendingView(card: PendingCard, context: CardContext, text: CardText): CardView {
  const count = (n: number) => formatCardCount(n, context.language);
  const data = {
    ...commonView(context, text),
    title: text.text("pending.title"),
    filter: [
      card.blocked ? text.text("pending.blocked") : "",
      card.filter === null ? (card.blocked ? "" : text.text("pending.everyone")) : text.text("pending.filter", { filter: card.filter }),
    ]
      .filter((part) => part !== "")
      .join(" · "),
    page: {
      show: card.total > 0,
      text: text.plural("pending.page", card.total, { page: count(card.page), pageCount: count(card.pageCount) }),
    },
    empty: { show: card.people.length === 0, text: text.text("pending.empty") },
    people: card.people.map((person) => ({
      displayName: person.displayName,
      account: [person.userPrincipalName, person.department ?? ""].filter((part) => part !== "").join(" · "),
      progress: describeProgress(person.daysLeft, person.reminders, text),
      overdue: person.daysLeft !== null && person.daysLeft < 0,
      stopped: {
        show: person.stopped !== null,
        text:
          person.stopped === null
            ? ""
            : text.text("pending.stopped", { app: person.stopped.app, ...formatMoment(person.stopped.at, context) }),
      },
    })),
    next: { show: card.nextCommand !== null, label: text.text("pending.next"), command: card.nextCommand ?? "" },
  };
  return { template: "pending", data };
}
