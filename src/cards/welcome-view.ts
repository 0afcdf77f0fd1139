import type { CardContext, WelcomeCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commandListView } from "./command-list-view.js";
import { commonView } from "./common-view.js";

/**
 * Binds cards/welcome.json, sent once when the bot is installed for someone: who it is from, the one
 * thing it will do, and that it never asks for a password. Admins also get the commands.
 */
export function welcomeView(card: WelcomeCard, context: CardContext, text: CardText): CardView {
  const data = {
    ...commonView(context, text),
    title: text.text("welcome.title", { firstName: card.firstName }),
    intro: text.text("welcome.intro", { sender: context.senderName }),
    what: text.text("welcome.what"),
    nothingElse: text.text("welcome.nothingElse"),
    password: text.text("welcome.password"),
    admin: {
      show: card.isAdmin,
      intro: text.text("welcome.adminIntro"),
      commands: card.isAdmin ? commandListView(card.commands, text) : [],
      more: text.text("welcome.adminMore"),
    },
  };
  return { template: "welcome", data };
}
