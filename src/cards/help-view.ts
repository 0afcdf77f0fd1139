import type { CardContext, HelpCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commandListView } from "./command-list-view.js";
import { commonView } from "./common-view.js";

// Enough to recognise what one typed; a pasted paragraph would push the commands off a phone's screen.
const ECHO_LENGTH = 60;

/** Binds cards/help.json: every command with an example, after "I didn't recognise …" when that is why. */
export function helpView(card: HelpCard, context: CardContext, text: CardText): CardView {
  const typed = (card.unknownCommand ?? "").replace(/\s+/g, " ").trim();
  const command = typed.length > ECHO_LENGTH ? `${typed.slice(0, ECHO_LENGTH - 1)}…` : typed;
  const data = {
    ...commonView(context, text),
    unknown: { show: card.unknownCommand !== null, text: text.text("help.unknown", { command }) },
    title: text.text("help.title"),
    intro: text.text("help.intro"),
    commands: commandListView(card.commands, text),
  };
  return { template: "help", data };
}
