import { afterEach, beforeEach, expect, it } from "vitest";
import type { AdaptiveCard } from "../../src/cards/adaptive-card.js";
import { replaceSentCard, type SentMessage } from "../../src/delivery/replace-sent-card.js";
import type { ConversationRef, TeamsMessenger } from "../../src/delivery/teams-messenger.js";
import type { Store } from "../../src/store/open-store.js";
import { updatePersonState } from "../../src/store/people-state.js";
import { describeEachStore } from "../support/test-stores.js";

/*
 * Replacing a card someone already has: the update goes to the conversation the card was sent in,
 * on the service URL Teams last gave for that very conversation, else on the configured one.
 */

const defaultUrl = "https://smba.trafficmanager.net/emea/";
const americasUrl = "https://smba.trafficmanager.net/amer/";
const earlier = new Date(Date.UTC(2026, 11, 1, 9, 0));
const card: AdaptiveCard = {
  type: "AdaptiveCard",
  version: "1.5",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  body: [{ type: "TextBlock", text: "Thank you, Anna" }],
};
const sent: SentMessage = { userId: "u1", conversationId: "a:chat-u1", activityId: "activity-3" };

function recordingMessenger() {
  const updates: { ref: ConversationRef; activityId: string; activity: Record<string, unknown> }[] = [];
  const messenger: TeamsMessenger = {
    openConversation: () => Promise.reject(new Error("replacing a card never opens a chat")),
    send: () => Promise.reject(new Error("replacing a card never sends a new one")),
    update(ref, activityId, activity) {
      updates.push({ ref, activityId, activity });
      return Promise.resolve();
    },
  };
  return { messenger, updates };
}

const update = (serviceUrl: string) => ({
  ref: { conversationId: "a:chat-u1", serviceUrl },
  activityId: "activity-3",
  activity: { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }] },
});

describeEachStore("replacing a sent card", (target) => {
  let store: Store;
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store.close());

  const replace = async () => {
    const teams = recordingMessenger();
    await replaceSentCard({ store, messenger: teams.messenger, serviceUrl: defaultUrl }, sent, card);
    return teams.updates;
  };

  it("uses the service URL stored for the conversation the card is in", async () => {
    await updatePersonState(store, "u1", earlier, { conversation_id: "a:chat-u1", service_url: americasUrl });
    expect(await replace()).toEqual([update(americasUrl)]);
  });

  it("uses the configured service URL when the stored one belongs to another conversation", async () => {
    await updatePersonState(store, "u1", earlier, { conversation_id: "a:newer-chat", service_url: americasUrl });
    expect(await replace()).toEqual([update(defaultUrl)]);
  });

  it("uses the configured service URL when none is stored for the conversation", async () => {
    await updatePersonState(store, "u1", earlier, { conversation_id: "a:chat-u1" });
    expect(await replace()).toEqual([update(defaultUrl)]);
  });

  it("uses the configured service URL for someone the store knows nothing about", async () => {
    await updatePersonState(store, "u2", earlier, { conversation_id: "a:chat-u1", service_url: americasUrl });
    expect(await replace()).toEqual([update(defaultUrl)]);
  });
});
