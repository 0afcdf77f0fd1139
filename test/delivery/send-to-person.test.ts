import { afterEach, beforeEach, expect, it } from "vitest";
import type { AppInstaller } from "../../src/delivery/app-installer.js";
import { sendToPerson } from "../../src/delivery/send-to-person.js";
import { TeamsDeliveryError, type ConversationRef, type TeamsMessenger } from "../../src/delivery/teams-messenger.js";
import type { Store } from "../../src/store/open-store.js";
import { readPersonState, updatePersonState } from "../../src/store/people-state.js";
import { describeEachStore } from "../support/test-stores.js";

/*
 * A reply sent to a person's own chat, outside the outbox: the chat the store knows is used as is,
 * and a chat Teams had to open (or open again) is kept for next time.
 */

const defaultUrl = "https://smba.trafficmanager.net/emea/";
const americasUrl = "https://smba.trafficmanager.net/amer/";
const earlier = new Date(Date.UTC(2026, 11, 1, 9, 0));
const now = new Date(Date.UTC(2026, 11, 4, 14, 30));
const activity = { type: "message", text: "Here is what you asked for" };

/** A Bot Connector stand-in: opens give `opened`; sends to a conversation in `refusing` are refused. */
function fakeTeams(opened: ConversationRef | Error, refusing: Record<string, TeamsDeliveryError> = {}) {
  const calls: string[] = [];
  const messenger: TeamsMessenger = {
    openConversation(userId) {
      calls.push(`open ${userId}`);
      return opened instanceof Error ? Promise.reject(opened) : Promise.resolve(opened);
    },
    send(ref, sent) {
      calls.push(`send ${ref.conversationId} ${ref.serviceUrl} ${(sent as { text: string }).text}`);
      const refusal = refusing[ref.conversationId];
      return refusal ? Promise.reject(refusal) : Promise.resolve("activity-9");
    },
    update() {
      return Promise.reject(new Error("a reply never updates a message"));
    },
  };
  return { messenger, calls };
}

describeEachStore("sending a reply to a person's chat", (target) => {
  let store: Store;
  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store.close());

  const send = (messenger: TeamsMessenger, installer?: AppInstaller) =>
    sendToPerson({ serviceUrl: defaultUrl, store, messenger, installer }, "u1", activity, now);

  it("uses the chat the store knows, on its own service URL, and leaves the stored state alone", async () => {
    await updatePersonState(store, "u1", earlier, { conversation_id: "a:known", service_url: americasUrl });
    const teams = fakeTeams({ conversationId: "a:other", serviceUrl: defaultUrl });
    const outcome = await send(teams.messenger);
    expect(outcome).toEqual({
      result: "sent",
      activityId: "activity-9",
      conversation: { conversationId: "a:known", serviceUrl: americasUrl },
      installed: false,
    });
    expect(teams.calls).toEqual([`send a:known ${americasUrl} Here is what you asked for`]);
    expect(await readPersonState(store, "u1")).toMatchObject({
      conversation_id: "a:known",
      service_url: americasUrl,
      updated_at: earlier.toISOString(),
    });
  });

  it("opens a chat for someone the store knows nothing about, and keeps it", async () => {
    const teams = fakeTeams({ conversationId: "a:opened", serviceUrl: defaultUrl });
    const outcome = await send(teams.messenger);
    expect(outcome).toMatchObject({ result: "sent", conversation: { conversationId: "a:opened", serviceUrl: defaultUrl } });
    expect(teams.calls).toEqual(["open u1", `send a:opened ${defaultUrl} Here is what you asked for`]);
    expect(await readPersonState(store, "u1")).toMatchObject({
      conversation_id: "a:opened",
      service_url: defaultUrl,
      updated_at: now.toISOString(),
    });
  });

  it("opens a chat when the store has a conversation id but no service URL for it", async () => {
    await updatePersonState(store, "u1", earlier, { conversation_id: "a:half", locale: "de-DE" });
    const teams = fakeTeams({ conversationId: "a:opened", serviceUrl: defaultUrl });
    await send(teams.messenger);
    expect(teams.calls).toEqual(["open u1", `send a:opened ${defaultUrl} Here is what you asked for`]);
    expect(await readPersonState(store, "u1")).toMatchObject({
      conversation_id: "a:opened",
      service_url: defaultUrl,
      locale: "de-DE",
      updated_at: now.toISOString(),
    });
  });

  it("opens a chat when the store has a service URL but no conversation", async () => {
    await updatePersonState(store, "u1", earlier, { service_url: americasUrl });
    const teams = fakeTeams({ conversationId: "a:opened", serviceUrl: defaultUrl });
    await send(teams.messenger);
    expect(teams.calls).toEqual(["open u1", `send a:opened ${defaultUrl} Here is what you asked for`]);
  });

  it("replaces a stale stored chat with the one Teams opens again", async () => {
    await updatePersonState(store, "u1", earlier, { conversation_id: "a:stale", service_url: americasUrl });
    const gone = new TeamsDeliveryError(404, "ConversationNotFound", "Conversation not found.");
    const teams = fakeTeams({ conversationId: "a:new", serviceUrl: defaultUrl }, { "a:stale": gone });
    const outcome = await send(teams.messenger);
    expect(outcome).toMatchObject({ result: "sent", conversation: { conversationId: "a:new", serviceUrl: defaultUrl } });
    expect(teams.calls).toEqual([
      `send a:stale ${americasUrl} Here is what you asked for`,
      "open u1",
      `send a:new ${defaultUrl} Here is what you asked for`,
    ]);
    expect(await readPersonState(store, "u1")).toMatchObject({ conversation_id: "a:new", service_url: defaultUrl });
  });

  it("remembers nothing when the reply could not be sent", async () => {
    const blocked = new TeamsDeliveryError(403, "ConversationBlockedByUser", "User blocked the conversation with the bot.");
    const teams = fakeTeams(blocked);
    const outcome = await send(teams.messenger);
    expect(outcome).toEqual({ result: "unreachable", reason: "they blocked the bot in Teams", code: "ConversationBlockedByUser" });
    expect(await readPersonState(store, "u1")).toBeUndefined();
  });

  it("installs the bot for someone without it, as a first try, and keeps the chat Graph names", async () => {
    const notInstalled = new TeamsDeliveryError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
    const teams = fakeTeams(notInstalled);
    const installer: AppInstaller = {
      installFor: (userId) => {
        teams.calls.push(`install ${userId}`);
        return Promise.resolve({ outcome: "installed" });
      },
      chatWith: (userId) => {
        teams.calls.push(`chat ${userId}`);
        return Promise.resolve("19:chat-u1");
      },
    };
    const outcome = await send(teams.messenger, installer);
    expect(outcome).toEqual({
      result: "sent",
      activityId: "activity-9",
      conversation: { conversationId: "19:chat-u1", serviceUrl: defaultUrl },
      installed: true,
    });
    expect(teams.calls).toEqual(["open u1", "install u1", "chat u1", `send 19:chat-u1 ${defaultUrl} Here is what you asked for`]);
    expect(await readPersonState(store, "u1")).toMatchObject({ conversation_id: "19:chat-u1", service_url: defaultUrl });
  });
});
