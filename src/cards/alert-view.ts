import type { AlertCard, CardContext } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { formatMoment } from "./format-card-date.js";

// An error body can be a page of HTML; the first lines name the cause, the log keeps the rest.
const DETAIL_LENGTH = 300;

/**
 * Binds cards/alert.json, posted to the admin channel the moment delivery stops working: what is
 * wrong, since when (with the zone, for a channel), what to check, and the last error as it came.
 */
export function alertView(card: AlertCard, context: CardContext, text: CardText): CardView {
  const key = `alert.${card.problem}`;
  const detail = card.detail.trim();
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
      text: detail.length > DETAIL_LENGTH ? `${detail.slice(0, DETAIL_LENGTH - 1)}…` : detail,
    },
  };
  return { template: "alert", data };
}
