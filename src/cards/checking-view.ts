import type { CardContext, CheckingCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";

/**
 * Binds cards/checking.json, the answer to "I've done it" when the live check cannot answer in time:
 * "checking" while Graph is busy (the card is replaced once the check is done), or "later" when
 * Graph could not be asked at all (the next report confirms them within hours; they can press again).
 */
export function checkingView(card: CheckingCard, context: CardContext, text: CardText): CardView {
  const data = {
    ...commonView(context, text),
    title: text.text(`checking.${card.state}.title`),
    message: text.text(`checking.${card.state}.message`, { firstName: card.firstName }),
    offerRetry: card.state === "later",
    outboxId: card.outboxId,
    userId: card.userId,
  };
  return { template: "checking", data };
}
