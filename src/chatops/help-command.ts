import { renderCard } from "../cards/render-card.js";
import type { ChatReply } from "./chat-reply.js";
import type { CommandContext } from "./command-context.js";

/** `/mfa help`, and the answer to anything not recognised: never silence. Lists the commands it is given. */
export function helpCommand(args: string, context: CommandContext, commands: readonly string[]): Promise<ChatReply> {
  return Promise.resolve({
    kind: "card",
    card: renderCard("help", { unknownCommand: args === "" ? null : args, commands }, context.card),
  });
}
