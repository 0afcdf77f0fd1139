import type { Store } from "../store/open-store.js";
import { readPersonState, updatePersonState } from "../store/people-state.js";
import type { AppInstaller } from "./app-installer.js";
import { deliverMessage, type DeliveryOutcome } from "./deliver-message.js";
import type { TeamsMessenger } from "./teams-messenger.js";

export interface SendToPersonDeps {
  /** Where to open a new chat (TEAMS_SERVICE_URL). */
  readonly serviceUrl: string;
  readonly store: Store;
  readonly messenger: TeamsMessenger;
  readonly installer: AppInstaller | undefined;
}

/**
 * One message to one person's 1:1 chat with the bot, outside the outbox: an answer that should not
 * be posted where it was asked. Uses the chat the store knows (people who wrote to the bot, or were
 * reminded), else opens one as a reminder would, and keeps the one Teams gave for next time.
 */
export async function sendToPerson(
  deps: SendToPersonDeps,
  userId: string,
  activity: Record<string, unknown>,
  now: Date,
): Promise<DeliveryOutcome> {
  const state = await readPersonState(deps.store, userId);
  const known =
    state?.conversation_id && state.service_url ? { conversationId: state.conversation_id, serviceUrl: state.service_url } : undefined;
  const outcome = await deliverMessage(
    // A reply is always a first try: nothing is queued to be tried again.
    { recipient_id: userId, attempts: 1 },
    { messenger: deps.messenger, installer: deps.installer, knownConversation: known, serviceUrl: deps.serviceUrl, activity },
  );
  if (outcome.result === "sent" && outcome.conversation.conversationId !== known?.conversationId) {
    await updatePersonState(deps.store, userId, now, {
      conversation_id: outcome.conversation.conversationId,
      service_url: outcome.conversation.serviceUrl,
    });
  }
  return outcome;
}
