import type { AlertCard, CardContext } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { formatMoment } from "./format-card-date.js";

/**
 * Binds cards/alert.json, posted to the admin channel the moment delivery stops working: what is
 * wrong, since when (with the zone, for a channel), what to check, and the last error as it came.
 */
export function alertView(card: AlertCard, context: CardContext, text: CardText): CardView {
  const key = `alert.${card.problem}`;
  // renderCard has already cut a long error (a page of HTML, say) to its first 256 characters,
  // which name the cause; the log keeps the rest.
  const detail = card.detail;
  const data = {
    ...commonView(context, text),
    title: text.text(`${key}.title`),
    since: text.text("alert.since", formatMoment(card.since, context, true)),
    what: text.text(`${key}.what`),
    checkLabel: text.text("alert.check"),
    checks: [1, 2, 3].map((n) => text.text(`${key}.check${n}`)),
    detail: {
      show: detail !== "",
      label: text.text("alert.detail"),
      text: detail,
    },
  };
  return { template: "alert", data };
}
