import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { cardAttachment } from "../cards/render-card.js";
import type { Store } from "../store/open-store.js";
import { readPersonState } from "../store/people-state.js";
import type { TeamsMessenger } from "./teams-messenger.js";

export interface SentMessage {
  readonly userId: string;
  readonly conversationId: string;
  readonly activityId: string;
}

/**
 * Replaces a sent card for everyone, on every device (an invoke's answer changes one client only).
 * The service URL Teams last gave for that conversation is used when we have it: a person's chat may
 * live in another region's endpoint than the configured default.
 */
export async function replaceSentCard(
  deps: { store: Store; messenger: TeamsMessenger; serviceUrl: string },
  message: SentMessage,
  card: AdaptiveCard,
): Promise<void> {
  const state = await readPersonState(deps.store, message.userId);
  const serviceUrl = state?.conversation_id === message.conversationId && state.service_url ? state.service_url : deps.serviceUrl;
  await deps.messenger.update({ conversationId: message.conversationId, serviceUrl }, message.activityId, {
    type: "message",
    attachments: [cardAttachment(card)],
  });
}
