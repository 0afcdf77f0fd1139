import type { Logger } from "pino";
import { messageText } from "../cards/message-text.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import { cardContextFor } from "../cards/card-context.js";
import { firstKnownLanguage } from "../cards/pick-language.js";
import { recordAudit } from "../store/audit-log.js";
import type { Store } from "../store/open-store.js";
import { readPersonState } from "../store/people-state.js";
import type { Clock } from "../time/clock.js";
import type { DoctorReport } from "../doctor/run-doctor.js";
import type { AdminRoster } from "./admin-roster.js";
import type { ChatReply } from "./chat-reply.js";
import { answersPrivately, type ChatPlace } from "./reply-place.js";
import { helpCommand } from "./help-command.js";
import { MAX_ARGUMENT_LENGTH, parseCommand } from "./parse-command.js";
import { chatCommands, listedCommands } from "./chat-commands.js";
import { readSyncedPerson } from "./reply-language.js";

export interface ChatopsDeps {
  readonly store: Store;
  readonly policy: CampaignPolicy;
  readonly clock: Clock;
  readonly log: Logger;
  readonly roster: AdminRoster;
  readonly deliverSoon: () => void;
  readonly runDoctor: () => Promise<DoctorReport>;
  /** Sends an answer to this person's 1:1 chat with the bot (opening it if need be); false if it could not. */
  readonly replyPrivately: (userId: string, reply: ChatReply) => Promise<boolean>;
}

/**
 * Answers a message to the bot. The rules, in order: only admins may use an admin-only command, and
 * anyone else is told so politely (a command attempt is audited) or, for a message that is no
 * command, what the bot is for; a known command runs, unless its argument is
 * longer than anything it could look up; anything else gets the help. Never silence. In a channel, an
 * answer that names people goes to the asker's 1:1 chat, and the channel is told so (see answersPrivately).
 */
export async function answerMessage(
  text: string,
  actorId: string | undefined,
  place: ChatPlace,
  deps: ChatopsDeps,
  locale?: string,
): Promise<ChatReply> {
  const { store, policy } = deps;
  const now = deps.clock.now();
  const command = parseCommand(text);
  const card = await readerContext(store, policy, actorId, locale);

  const entry = command.known ? chatCommands[command.name] : undefined;
  // Admin-only is one check here, not an `if` in every command: a command open to all would skip it.
  if ((entry?.adminOnly ?? true) && !(await deps.roster.isAdmin(actorId))) {
    if (command.known || command.addressed) {
      await recordAudit(store, new Date(now), {
        actorKind: "user",
        ...(actorId ? { actorId } : {}),
        action: "command.refused",
        detail: { text: text.slice(0, 200) },
      });
      return { kind: "text", text: messageText(card.language, "notAdmin", {}) };
    }
    return { kind: "text", text: messageText(card.language, "aboutBot", { helpdesk: policy.helpdesk.name }) };
  }

  const context = { store, policy, now, actorId: actorId ?? "", card, deliverSoon: deps.deliverSoon, runDoctor: deps.runDoctor };
  if (!command.known) return helpCommand(command.text, context, listedCommands());
  if (command.tooLong) return { kind: "text", text: messageText(card.language, "argumentTooLong", { max: MAX_ARGUMENT_LENGTH }) };
  await recordAudit(store, new Date(now), {
    actorKind: "admin",
    ...(actorId ? { actorId } : {}),
    action: `command.${command.name}`,
    ...(command.args ? { detail: { args: command.args } } : {}),
  });
  deps.log.info({ command: command.name, actor: actorId }, "admin command");
  const reply = await chatCommands[command.name].handler(command.args, context);
  if (!actorId || !answersPrivately(command.name, place, policy)) return reply;
  const sent = await deps.replyPrivately(actorId, reply);
  if (!sent) deps.log.warn({ command: command.name, actor: actorId }, "could not answer privately");
  return { kind: "text", text: messageText(card.language, sent ? "answeredPrivately" : "privateReplyFailed", {}) };
}

/**
 * The asker's language and time zone, for the reply: the language of the message it answers when we
 * have it, else the directory's preferredLanguage; the time zone Teams last told us.
 */
async function readerContext(store: Store, policy: CampaignPolicy, actorId: string | undefined, locale: string | undefined) {
  if (!actorId) return cardContextFor(policy, firstKnownLanguage(locale), null);
  const person = await readSyncedPerson(store, actorId);
  const state = await readPersonState(store, actorId);
  return cardContextFor(policy, firstKnownLanguage(locale, person?.preferredLanguage), state?.time_zone);
}
