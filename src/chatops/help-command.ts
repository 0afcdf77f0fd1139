import { renderCard } from "../cards/render-card.js";
import type { CommandHandler } from "./command-context.js";

/** `/mfa help`, and the answer to anything not recognised: never silence. */
export const helpCommand: CommandHandler = (args, context) =>
  Promise.resolve({ kind: "card", card: renderCard("help", { unknownCommand: args === "" ? null : args }, context.card) });
