import type { CardContext, DigestRemindedCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";

/** Binds cards/digest-reminded.json, which replaces the digest once "Remind them now" has been pressed. */
export function digestRemindedView(card: DigestRemindedCard, context: CardContext, text: CardText): CardView {
  const data = {
    ...commonView(context, text),
    title: text.text(card.reminded > 0 ? "digestReminded.title" : "digestReminded.titleNone"),
    reminded: card.reminded > 0 ? text.plural("digestReminded.reminded", card.reminded) : text.text("digestReminded.nobody"),
    skipped: { show: card.skipped > 0, text: text.plural("digestReminded.skipped", card.skipped) },
  };
  return { template: "digest-reminded", data };
}
