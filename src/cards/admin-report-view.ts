import type { AdminReportCard, CardContext } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { formatCardCount } from "./format-card-number.js";
import { NAMES_SHOWN, statusBodyView } from "./status-body-view.js";

/**
 * Binds cards/status.json for the daily report to the admin channel: what changed since yesterday
 * first, then the status itself. One template for both, so the report cannot drift from `/mfa status`.
 * Times carry the zone's name: a channel's readers need not share one.
 */
export function adminReportView(card: AdminReportCard, context: CardContext, text: CardText): CardView {
  const count = (n: number) => formatCardCount(n, context.language);
  const unreachable = card.newlyUnreachable.slice(0, NAMES_SHOWN);
  const more = card.newlyUnreachable.length - unreachable.length;
  const data = {
    ...commonView(context, text),
    title: text.text("status.reportTitle"),
    ...statusBodyView(card.status, context, text, true),
    changes: {
      show: true,
      title: text.text("status.changes.title"),
      newlyRegistered: { label: text.text("status.changes.newlyRegistered"), value: count(card.newlyRegistered) },
      newlyUnreachable: {
        label: text.text("status.changes.newlyUnreachable"),
        value: count(card.newlyUnreachable.length),
        people: unreachable.map((person) => `${person.displayName} (${person.userPrincipalName})`),
        showMore: more > 0,
        more: text.plural("list.more", more),
      },
      failures: { label: text.text("status.changes.failures"), value: count(card.failures) },
    },
  };
  return { template: "status", data };
}
