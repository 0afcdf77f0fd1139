import type { AdaptiveCard } from "./adaptive-card.js";

export interface CardAttachment {
  contentType: "application/vnd.microsoft.card.adaptive";
  content: AdaptiveCard;
}

/** The card wrapped as a Bot Framework attachment, ready for an activity's `attachments`. */
export function cardAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: "application/vnd.microsoft.card.adaptive", content: card };
}
