import type { CampaignPolicy } from "../campaign/policy.js";
import type { CommandName } from "./parse-command.js";

/** Where a message to the bot was written. */
export interface ChatPlace {
  /** A 1:1 chat with the bot, rather than a channel or a group chat. */
  readonly personal: boolean;
  /** Teams' id of the conversation; in a channel, a reply in a thread ends in ";messageid=…". */
  readonly conversationId: string;
}

// Answers that name people who have not registered, or carry everyone's state: not for a whole channel.
const NAMES_PEOPLE: ReadonlySet<CommandName> = new Set(["pending", "user", "export"]);

/**
 * Whether a command's answer goes to the asker's 1:1 chat instead of where it was asked. In a
 * channel or group chat, `/mfa pending`, `/mfa user` and `/mfa export` name people, so they are
 * answered privately; the admins' own report channel (the campaign's `adminReport`) is where such
 * lists belong and is answered in place. A file is the exception to the exception: Teams offers one
 * only in a 1:1 chat (learn.microsoft.com, Teams "Send and receive files using bot").
 */
export function answersPrivately(command: CommandName, place: ChatPlace, policy: CampaignPolicy): boolean {
  if (place.personal || !NAMES_PEOPLE.has(command)) return false;
  if (command === "export") return true;
  const reportChannel = policy.adminReport.conversationId;
  return reportChannel === undefined || channelOf(place.conversationId) !== channelOf(reportChannel);
}

/** "19:abc@thread.tacv2;messageid=1700000000000" is the channel "19:abc@thread.tacv2". */
function channelOf(conversationId: string): string {
  return conversationId.split(";")[0]?.toLowerCase() ?? "";
}
