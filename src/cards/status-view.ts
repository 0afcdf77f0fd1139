import type { CardContext, StatusCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { statusBodyView } from "./status-body-view.js";

/** Binds cards/status.json for `/mfa status`, typed by an admin in their own chat and zone. */
export function statusView(card: StatusCard, context: CardContext, text: CardText): CardView {
  const data = {
    ...commonView(context, text),
    title: text.text("status.title"),
    ...statusBodyView(card, context, text, false),
    changes: { show: false },
  };
  return { template: "status", data };
}
