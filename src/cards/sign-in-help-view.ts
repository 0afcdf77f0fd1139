import type { CardContext, SignInHelpCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { contactView } from "./contact-view.js";
import { formatMoment } from "./format-card-date.js";

/**
 * Binds cards/sign-in-help.json: what just happened to them (the app, the time on their own clock),
 * that the request is genuine, how to do it, and the helpdesk. Someone just stopped at sign-in is
 * the most likely to suspect a phishing message, so the card says who asks and links only to
 * Microsoft's page.
 */
export function signInHelpView(card: SignInHelpCard, context: CardContext, text: CardText): CardView {
  const { date, time } = formatMoment(card.at, context);
  const data = {
    ...commonView(context, text),
    outboxId: card.outboxId,
    userId: card.userId,
    title: text.text("signInHelp.title"),
    intro: text.text("signInHelp.intro", { firstName: card.firstName, app: card.app, date, time }),
    genuine: text.text("signInHelp.genuine", { sender: context.senderName }),
    how: text.text("signInHelp.how", { setUpNow: text.text("actions.setUpNow") }),
    ask: text.text(`reminder.ask.${context.requirement}`),
    helpdesk: text.text("signInHelp.helpdesk", { helpdesk: context.helpdesk.name, help: text.text("actions.help") }),
    contact: contactView(context.helpdesk, text),
  };
  return { template: "sign-in-help", data };
}
