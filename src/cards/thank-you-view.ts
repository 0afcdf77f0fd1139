import type { CardContext, ThankYouCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { methodNames } from "./method-names.js";
import { registrationLink } from "./registration-link.js";

/** Binds cards/thank-you.json, which replaces the reminder once registration is confirmed. */
export function thankYouView(card: ThankYouCard, context: CardContext, text: CardText): CardView {
  const methods = methodNames(card.methodsRegistered, text);
  const data = {
    ...commonView(context, text),
    title: text.text("thankYou.title", { firstName: card.firstName }),
    done: text.text("thankYou.done"),
    registeredLabel: text.text("thankYou.registered"),
    methods,
    hasMethods: methods.length > 0,
    noMoreReminders: text.text("thankYou.noMoreReminders"),
    change: text.text("thankYou.change", { address: registrationLink(context.registrationUrl).address }),
  };
  return { template: "thank-you", data };
}
