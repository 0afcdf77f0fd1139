import type { CardText } from "./card-text.js";

/*
 * Graph's and the Bot Connector's codes for a refusal, by what an admin can do about it: a person
 * who blocked the bot chose to; a policy is the admins' own setting (Graph's Forbidden on an install,
 * the Connector's BotDisabledByAdmin); a bot not in the roster was never installed.
 */
const kinds: Readonly<Record<string, string>> = {
  ConversationBlockedByUser: "blockedByUser",
  Forbidden: "policy",
  AccessDenied: "policy",
  BotDisabledByAdmin: "policy",
  BotNotInConversationRoster: "notInstalled",
};

/** Why someone cannot be messaged, in the reader's language, with the code as Microsoft gave it. */
export function unreachableReason(code: string | null, text: CardText): string {
  if (code === null || code === "") return text.text("unreachable.unknown");
  return text.text(`unreachable.${kinds[code] ?? "other"}`, { code });
}
