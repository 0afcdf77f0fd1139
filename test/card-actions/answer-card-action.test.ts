import { afterEach, beforeEach, expect, it } from "vitest";
import type { AdaptiveCard } from "../../src/cards/adaptive-card.js";
import { cardContextFor } from "../../src/cards/card-context.js";
import { renderCard } from "../../src/cards/render-card.js";
import { answerCardAction } from "../../src/card-actions/answer-card-action.js";
import type { CardActionDeps } from "../../src/card-actions/card-press.js";
import type { OutboxPayload } from "../../src/delivery/outbox-payload.js";
import { createLogger } from "../../src/log/create-logger.js";
import type { Store } from "../../src/store/open-store.js";
import { queueMessages } from "../../src/store/outbox.js";
import { readPersonState } from "../../src/store/people-state.js";
import { examplePolicy, pilotGroup } from "../campaign/campaign-fixture.js";
import { seedSnapshot } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";

// Tuesday 3 November 2026, 11:00 in London (GMT): inside the reminder hours, four weeks before the pilot's deadline.
const now = Date.parse("2026-11-03T11:00:00Z");
const policy = examplePolicy();
const context = cardContextFor(policy, "en-GB", undefined);

const ada = { id: "u1", displayName: "Ada Lovelace", givenName: "Ada", managerId: "m1", preferredLanguage: "en-GB", groups: [pilotGroup] };
const alan = { id: "u2", displayName: "Alan Turing", givenName: "Alan", managerId: "m1", groups: [pilotGroup] };
const registered = { ...alan, id: "u3", displayName: "Barbara Liskov", givenName: "Barbara", methods: ["microsoftAuthenticatorPush"] };
const grace = { id: "m1", displayName: "Grace Hopper", givenName: "Grace", preferredLanguage: "en-GB" };

const reminderPayload: OutboxPayload = {
  card: "reminder",
  kind: "first",
  deadline: "2026-12-01",
  firstName: "Ada",
  preferredLanguage: "en-GB",
  methodsRegistered: [],
};

describeEachStore("answering a button on a card", (target) => {
  let store: Store;
  let reminderId: string;
  let digestId: string;
  let sentSoon: number;
  let liveChecks: string[];
  let deps: CardActionDeps;

  beforeEach(async () => {
    store = await target.open();
    await seedSnapshot(store, new Date(now - 3_600_000), [ada, alan, registered, grace]);
    [reminderId = ""] = await queueMessages(
      store,
      [{ kind: "reminder", userId: "u1", recipientId: "u1", phase: "Pilot", step: "d28", payload: reminderPayload }],
      new Date(now - 86_400_000),
    );
    // The card being pressed was delivered yesterday.
    await store.db
      .updateTable("outbox")
      .set({ status: "sent", sent_at: new Date(now - 86_400_000).toISOString() })
      .where("id", "=", reminderId)
      .execute();
    const digest: OutboxPayload = {
      card: "digest",
      managerFirstName: "Grace",
      preferredLanguage: "en-GB",
      reports: [ada, registered].map((p) => ({
        personId: p.id,
        displayName: p.displayName,
        userPrincipalName: `${p.givenName.toLowerCase()}@contoso.com`,
        phase: "Pilot",
        deadline: "2026-12-01",
        reminders: 0,
      })),
      team: { members: 3, registered: 1 },
      organisation: { members: 4, registered: 1 },
    };
    [digestId = ""] = await queueMessages(
      store,
      [{ kind: "digest", userId: "m1", recipientId: "m1", phase: null, step: null, payload: digest, dedupeKey: "digest:m1:2026-W45" }],
      new Date(now - 86_400_000),
    );
    sentSoon = 0;
    liveChecks = [];
    deps = {
      store,
      policy,
      now: () => now,
      log: createLogger("silent"),
      liveMethods: (userId) => {
        liveChecks.push(userId);
        return Promise.resolve({ methods: ["microsoftAuthenticatorPush"], unknownTypes: [] });
      },
      notifyHelpdesk: undefined,
      deliverSoon: () => void sentSoon++,
    };
  });
  afterEach(async () => store?.close());

  const press = (verb: string, data: Record<string, unknown>, actorId: string | undefined) =>
    answerCardAction({ verb, data, actorId }, deps);
  const audit = () => store.db.selectFrom("audit_log").select(["actor_id", "action", "subject_id", "detail"]).orderBy("id").execute();
  const outbox = (userId: string) =>
    store.db.selectFrom("outbox").select(["kind", "status", "last_error"]).where("user_id", "=", userId).orderBy("created_at").execute();

  it("refuses a reminder's button pressed by anyone but its recipient, and audits the attempt", async () => {
    expect(await press("snooze", { outboxId: reminderId, userId: "u1" }, "u2")).toEqual({
      message: "This card was sent to someone else, so only they can use its buttons.",
    });
    expect(await audit()).toEqual([
      { actor_id: "u2", action: "card.refused", subject_id: "u1", detail: JSON.stringify({ verb: "snooze", outboxId: reminderId }) },
    ]);
    expect(await readPersonState(store, "u1")).toBeUndefined();
  });

  it("refuses the recipient pressing a card that names someone else, and a press with no presser", async () => {
    const answers = [
      await press("done", { outboxId: reminderId, userId: "u2" }, "u1"),
      await press("done", { outboxId: reminderId, userId: "u1" }, undefined),
    ];
    expect(answers).toEqual([
      { message: "This card was sent to someone else, so only they can use its buttons." },
      { message: "This card was sent to someone else, so only they can use its buttons." },
    ]);
    expect((await audit()).map((a) => [a.actor_id, a.action])).toEqual([
      ["u1", "card.refused"],
      [null, "card.refused"],
    ]);
    expect(liveChecks).toEqual([]);
  });

  it("answers a card it no longer knows, or a reminder's id under the digest's verb, as out of date", async () => {
    expect(await press("help", { outboxId: "no-such-message", userId: "u1" }, "u1")).toEqual({
      message: "This card is no longer current. Your latest reminder has the up-to-date buttons.",
    });
    expect(await press("remindTeam", { digestId: reminderId, managerId: "u1" }, "u1")).toEqual({
      message: "This overview is no longer current. The latest one has an up-to-date button.",
    });
    expect(await press("snooze", { outboxId: digestId, userId: "m1" }, "m1")).toEqual({
      message: "This card is no longer current. Your latest reminder has the up-to-date buttons.",
    });
    expect(await press("unsubscribe", { outboxId: reminderId, userId: "u1" }, "u1")).toEqual({
      message: "That button is not one this bot knows.",
    });
    expect(await audit()).toEqual([]);
  });

  it("snoozes the recipient for the policy's two days, with two of three snoozes left", async () => {
    const answer = await press("snooze", { outboxId: reminderId, userId: "u1" }, "u1");
    const ids = { outboxId: reminderId, userId: "u1" };
    expect(answer).toEqual({
      card: renderCard(
        "snoozed",
        { until: "2026-11-05T11:00:00.000Z", snoozesLeft: 2, refused: false, deadline: "2026-12-01", ...ids },
        context,
      ),
    });
    const state = await readPersonState(store, "u1");
    expect([state?.snoozed_until, state?.snooze_count, state?.last_answer_at]).toEqual([
      "2026-11-05T11:00:00.000Z",
      1,
      "2026-11-03T11:00:00.000Z",
    ]);
    expect(await audit()).toEqual([
      { actor_id: "u1", action: "person.snoozed", subject_id: "u1", detail: JSON.stringify({ until: "2026-11-05T11:00:00.000Z" }) },
    ]);
  });

  it("confirms a registration found live, and cancels what is still queued for them", async () => {
    await queueMessages(
      store,
      [{ kind: "reminder", userId: "u1", recipientId: "u1", phase: "Pilot", step: "d14", payload: reminderPayload }],
      new Date(now),
    );
    const answer = (await press("done", { outboxId: reminderId, userId: "u1" }, "u1")) as { card: AdaptiveCard };
    expect(answer.card).toEqual(renderCard("thankYou", { firstName: "Ada", methodsRegistered: ["microsoftAuthenticatorPush"] }, context));
    expect(liveChecks).toEqual(["u1"]);
    expect(await outbox("u1")).toEqual([
      { kind: "reminder", status: "sent", last_error: null },
      { kind: "reminder", status: "cancelled", last_error: "registered" },
    ]);
    expect((await readPersonState(store, "u1"))?.confirmed_registered_at).toBe("2026-11-03T11:00:00.000Z");
    expect((await audit()).map((a) => [a.action, a.detail])).toEqual([
      ["person.confirmedRegistered", JSON.stringify({ methods: ["microsoftAuthenticatorPush"], source: "live" })],
    ]);
  });

  it("lets only the manager the digest went to press Remind them now", async () => {
    expect(await press("remindTeam", { digestId, managerId: "m1" }, "u1")).toEqual({
      message: "This card was sent to someone else, so only they can use its buttons.",
    });
    expect(await press("remindTeam", { digestId, managerId: "u1" }, "u1")).toEqual({
      message: "This card was sent to someone else, so only they can use its buttons.",
    });
    expect(await outbox("u1")).toHaveLength(1);
    expect(sentSoon).toBe(0);
    expect((await audit()).map((a) => [a.actor_id, a.action, a.subject_id])).toEqual([
      ["u1", "card.refused", "m1"],
      ["u1", "card.refused", "m1"],
    ]);
  });

  it("reminds the digest's people the rules allow, once: Ada was reminded yesterday, Barbara is registered", async () => {
    // Alan is not on this digest; Ada's reminder yesterday leaves today free for one more.
    const first = await press("remindTeam", { digestId, managerId: "m1" }, "m1");
    expect(first).toEqual({ card: renderCard("digestReminded", { reminded: 1, skipped: 1 }, context) });
    expect(await outbox("u1")).toEqual([
      { kind: "reminder", status: "sent", last_error: null },
      { kind: "reminder", status: "pending", last_error: null },
    ]);
    expect(await outbox("u3")).toEqual([]);
    expect(sentSoon).toBe(1);
    // The same press again today: Ada has had today's reminder, so nobody is queued and nothing is sent.
    const second = await press("remindTeam", { digestId, managerId: "m1" }, "m1");
    expect(second).toEqual({ card: renderCard("digestReminded", { reminded: 0, skipped: 2 }, context) });
    expect(sentSoon).toBe(1);
    expect((await audit()).map((a) => [a.actor_id, a.action, a.detail])).toEqual([
      ["m1", "manager.remindedTeam", JSON.stringify({ reminded: 1, listed: 2 })],
      ["m1", "manager.remindedTeam", JSON.stringify({ reminded: 0, listed: 2 })],
    ]);
  });
});
