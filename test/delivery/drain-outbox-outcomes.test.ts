import { hostname } from "node:os";
import { capturedLog } from "../support/captured-log.js";
import { afterEach, describe, expect, it } from "vitest";
import type { AppInstaller } from "../../src/delivery/app-installer.js";
import { drainOutbox, type DrainOptions, type DrainTally } from "../../src/delivery/drain-outbox.js";
import { TeamsDeliveryError, type ConversationRef, type TeamsMessenger } from "../../src/delivery/teams-messenger.js";
import { AppError } from "../../src/errors/app-error.js";
import { ErrorCode } from "../../src/errors/error-code.js";
import { setPaused } from "../../src/store/app-state.js";
import type { Store } from "../../src/store/open-store.js";
import { queueMessages, type NewMessage, type OutboxRow } from "../../src/store/outbox.js";
import type { OutboxKind } from "../../src/store/schema.js";
import { updatePersonState } from "../../src/store/people-state.js";
import { autoClock } from "../support/manual-clock.js";
import { sqliteTarget } from "../support/test-stores.js";

/*
 * What the drain does with each outcome of a send, with Teams replaced by a scripted messenger
 * and time by a clock that moves only when the drain sleeps. The real adapter is exercised in
 * drain-outbox.test.ts.
 */

const t0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const serviceUrl = "https://smba.trafficmanager.net/emea/";
const day = 86_400_000;

const message = (recipientId: string, kind: OutboxKind = "reminder"): NewMessage => ({
  kind,
  userId: recipientId,
  recipientId,
  phase: "Everyone",
  step: "d-14",
  payload: {},
});

type Answer = string | Error;

/** A Bot Connector stand-in: per person, a list of answers to sends (an activity id or an error). */
function scriptedTeams(script: Record<string, Answer[]> = {}, onSend?: (ref: ConversationRef) => Promise<void>) {
  const sends: { conversationId: string; serviceUrl: string; text: unknown }[] = [];
  const opened: string[] = [];
  const messenger: TeamsMessenger = {
    openConversation(userId) {
      opened.push(userId);
      const next = script[`open ${userId}`]?.shift();
      if (next instanceof Error) return Promise.reject(next);
      return Promise.resolve({ conversationId: `a:${userId}`, serviceUrl });
    },
    async send(ref, activity) {
      sends.push({ ...ref, text: activity.text });
      await onSend?.(ref);
      const next = script[ref.conversationId]?.shift() ?? `activity-${sends.length}`;
      if (next instanceof Error) throw next;
      return next;
    },
    update() {
      return Promise.reject(new Error("the drain never updates a message"));
    },
  };
  return { messenger, sends, opened };
}

describe("draining the outbox: what each outcome does", () => {
  let store: Store;
  afterEach(async () => store?.close());

  async function drain(teams: { messenger: TeamsMessenger }, over: Partial<DrainOptions> = {}, start = t0) {
    const clock = autoClock(start);
    const tally = await drainOutbox({
      store,
      messenger: teams.messenger,
      installer: undefined,
      serviceUrl,
      clock,
      log: capturedLog("info").log,
      render: (row) => Promise.resolve({ activity: { type: "message", text: `to ${row.recipient_id}` } }),
      stopWhenIdle: true,
      ...over,
    });
    return { tally, clock };
  }
  const rowOf = async (recipient: string) =>
    await store.db.selectFrom("outbox").selectAll().where("recipient_id", "=", recipient).executeTakeFirstOrThrow();
  const stateOf = async (user: string) =>
    await store.db.selectFrom("people_state").selectAll().where("user_id", "=", user).executeTakeFirst();
  const auditOf = async () =>
    await store.db.selectFrom("audit_log").select(["at", "actor_kind", "action", "subject_id", "detail"]).execute();
  const tallyOf = (over: Partial<DrainTally>): DrainTally => ({
    sent: 0,
    retried: 0,
    unreachable: 0,
    failed: 0,
    installed: 0,
    held: 0,
    ...over,
  });

  it("sends, records what Teams returned, and remembers the conversation it opened, clearing an old refusal", async () => {
    store = await sqliteTarget().open();
    await updatePersonState(store, "u1", new Date(t0 - day), { unreachable_until: iso(t0 - 1), unreachable_reason: "blocked" });
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams({ "a:u1": ["activity-x"] });
    const { tally } = await drain(teams);
    expect(tally).toEqual(tallyOf({ sent: 1 }));
    expect(teams.sends).toEqual([{ conversationId: "a:u1", serviceUrl, text: "to u1" }]);
    expect(await rowOf("u1")).toMatchObject({
      status: "sent",
      attempts: 1,
      sent_at: iso(t0),
      activity_id: "activity-x",
      conversation_id: "a:u1",
      lease_until: null,
      last_error: null,
    });
    expect(await stateOf("u1")).toMatchObject({
      conversation_id: "a:u1",
      service_url: serviceUrl,
      unreachable_until: null,
      unreachable_reason: null,
      updated_at: iso(t0),
    });
    expect(await auditOf()).toEqual([]);
  });

  it("sends into the stored conversation and leaves the person's state as it was", async () => {
    store = await sqliteTarget().open();
    await updatePersonState(store, "u1", new Date(t0 - day), { conversation_id: "a:stored", service_url: serviceUrl });
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams();
    await drain(teams);
    expect(teams.opened).toEqual([]);
    expect(teams.sends.map((s) => s.conversationId)).toEqual(["a:stored"]);
    expect(await stateOf("u1")).toMatchObject({ conversation_id: "a:stored", updated_at: iso(t0 - day) });
  });

  it("opens a conversation when the stored one has no service URL", async () => {
    store = await sqliteTarget().open();
    await updatePersonState(store, "u1", new Date(t0 - day), { conversation_id: "a:stored" });
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams();
    await drain(teams);
    expect(teams.opened).toEqual(["u1"]);
    expect(await stateOf("u1")).toMatchObject({ conversation_id: "a:u1", service_url: serviceUrl });
  });

  it("remembers the new conversation when the stored one had gone stale", async () => {
    store = await sqliteTarget().open();
    await updatePersonState(store, "u1", new Date(t0 - day), { conversation_id: "a:gone", service_url: serviceUrl });
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams({ "a:gone": [new TeamsDeliveryError(404, "ConversationNotFound", "gone")] });
    expect((await drain(teams)).tally).toEqual(tallyOf({ sent: 1 }));
    expect(await stateOf("u1")).toMatchObject({ conversation_id: "a:u1", updated_at: iso(t0) });
  });

  it("posts a channel message into its channel, without touching anyone's conversation", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("admin", "notice")], new Date(t0));
    const teams = scriptedTeams();
    const channel = { conversationId: "19:admins@thread.tacv2", serviceUrl };
    await drain(teams, { render: () => Promise.resolve({ activity: { text: "report" }, conversation: channel }) });
    expect(teams.sends).toEqual([{ ...channel, text: "report" }]);
    expect(await stateOf("admin")).toBeUndefined();
    expect(await rowOf("admin")).toMatchObject({ status: "sent", conversation_id: "19:admins@thread.tacv2" });
  });

  it("counts and audits installing the bot for someone who did not have it", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams({ "open u1": [new TeamsDeliveryError(403, "BotNotInConversationRoster", "not in roster")] });
    const installer: AppInstaller = {
      installFor: () => Promise.resolve({ outcome: "installed" }),
      chatWith: () => Promise.resolve("19:u1-chat"),
    };
    expect((await drain(teams, { installer })).tally).toEqual(tallyOf({ sent: 1, installed: 1 }));
    expect(await auditOf()).toEqual([{ at: iso(t0), actor_kind: "system", action: "app.installed", subject_id: "u1", detail: null }]);
  });

  it("waits for the chat after an install without marking anyone, then sends once Teams has opened it", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams({ "open u1": [new TeamsDeliveryError(403, "BotNotInConversationRoster", "not in roster")] });
    const installs: string[] = [];
    const installer: AppInstaller = {
      installFor: (userId) => (installs.push(userId), Promise.resolve({ outcome: "installed" })),
      chatWith: () => Promise.resolve(undefined),
    };
    const { tally, clock } = await drain(teams, { installer, stopWhenIdle: false });
    expect(tally).toEqual(tallyOf({ sent: 1, retried: 1, installed: 1, lastError: "installed; waiting for Teams to open the chat" }));
    // The first try (attempts 1) waits 4 s for the chat.
    expect(clock.sleeps).toEqual([4000]);
    // By the second try Teams has the bot in the person's roster, so the conversation opens directly.
    expect(installs).toEqual(["u1"]);
    expect(teams.opened).toEqual(["u1", "u1"]);
    expect(teams.sends).toEqual([{ conversationId: "a:u1", serviceUrl, text: "to u1" }]);
    expect(await stateOf("u1")).toMatchObject({ conversation_id: "a:u1", unreachable_until: null });
    expect((await auditOf()).map((a) => a.action)).toEqual(["app.installed"]);
  });

  it("holds every message back, uncounted and nobody marked, while the setup is broken", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1"), message("u2")], new Date(t0));
    const teams = scriptedTeams({
      "open u1": [new TeamsDeliveryError(403, "BotNotInConversationRoster", "not in roster")],
      "open u2": [new TeamsDeliveryError(403, "BotNotInConversationRoster", "not in roster")],
    });
    const missing = new AppError(ErrorCode.GraphPermissionMissing, "Graph refused the install.", { hint: "Grant it." });
    const installer: AppInstaller = { installFor: () => Promise.reject(missing), chatWith: () => Promise.reject(missing) };
    const { tally, clock } = await drain(teams, { installer, stopWhenIdle: false, holdForMs: 600_000 });
    expect(tally).toEqual(tallyOf({ held: 2, setupProblem: "Graph refused the install. Grant it." }));
    // The drain does not sit waiting for the setup to be fixed.
    expect(clock.sleeps).toEqual([]);
    for (const user of ["u1", "u2"]) {
      expect(await rowOf(user)).toMatchObject({
        status: "pending",
        attempts: 0,
        not_before: iso(t0 + 600_000),
        last_error: "held: Graph refused the install. Grant it.",
      });
      expect(await stateOf(user)).toBeUndefined();
    }
    expect(await auditOf()).toEqual([]);
  });

  it("leaves someone Teams refused alone for seven days, and records why", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams({ "a:u1": [new TeamsDeliveryError(403, "BotDisabledByUser", "The user blocked the bot")] });
    expect((await drain(teams)).tally).toEqual(tallyOf({ unreachable: 1 }));
    const reason = "403 BotDisabledByUser: The user blocked the bot";
    expect(await rowOf("u1")).toMatchObject({ status: "unreachable", last_error: reason, lease_until: null, sent_at: null });
    expect(await stateOf("u1")).toMatchObject({ unreachable_until: iso(t0 + 7 * day), unreachable_reason: reason });
    expect(await auditOf()).toEqual([
      {
        at: iso(t0),
        actor_kind: "system",
        action: "person.unreachable",
        subject_id: "u1",
        detail: JSON.stringify({ reason, code: "BotDisabledByUser" }),
      },
    ]);
  });

  it("holds someone refused for the time it is told to", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams({ "a:u1": [new TeamsDeliveryError(403, "BotDisabledByUser", "blocked")] });
    await drain(teams, { unreachableForMs: 3_600_000 });
    expect((await stateOf("u1"))?.unreachable_until).toBe(iso(t0 + 3_600_000));
  });

  it("puts a throttled send back for its Retry-After, then sends it when it is due", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1")], new Date(t0));
    const throttled = new TeamsDeliveryError(429, "ThrottledRequest", "Too many requests", 3000);
    const teams = scriptedTeams({ "a:u1": [throttled] }, async () => {
      if (teams.sends.length === 2) expect(await rowOf("u1")).toMatchObject({ status: "sending", not_before: iso(t0 + 3000) });
    });
    const { tally, clock } = await drain(teams, { stopWhenIdle: false });
    expect(tally).toEqual(tallyOf({ sent: 1, retried: 1, lastError: "429 ThrottledRequest: Too many requests" }));
    expect(clock.sleeps).toEqual([3000]);
    expect(await rowOf("u1")).toMatchObject({ status: "sent", attempts: 2, sent_at: iso(t0 + 3000), last_error: null });
  });

  it("stops when nothing is ready yet if told to (the server's periodic drain), leaving the retry queued", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams({ "a:u1": [new TeamsDeliveryError(429, "ThrottledRequest", "Too many requests", 3000)] });
    const { tally, clock } = await drain(teams);
    expect(tally).toEqual(tallyOf({ retried: 1, lastError: "429 ThrottledRequest: Too many requests" }));
    expect(clock.sleeps).toEqual([]);
    expect(await rowOf("u1")).toMatchObject({
      status: "pending",
      not_before: iso(t0 + 3000),
      lease_until: null,
      last_error: "429 ThrottledRequest: Too many requests",
    });
  });

  it("waits at least 50 ms between polls, even for a row due sooner", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams({ "a:u1": [new TeamsDeliveryError(429, "ThrottledRequest", "Too many requests", 10)] });
    const { clock, tally } = await drain(teams, { stopWhenIdle: false });
    expect(clock.sleeps).toEqual([50]);
    expect(tally.sent).toBe(1);
  });

  it("backs off exponentially without a Retry-After and gives up after maxAttempts tries", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1")], new Date(t0));
    const unavailable = () => new TeamsDeliveryError(503, "ServiceUnavailable", "Service unavailable");
    const teams = scriptedTeams({ "a:u1": [unavailable(), unavailable(), unavailable()] });
    const { tally, clock } = await drain(teams, { stopWhenIdle: false, maxAttempts: 3 });
    expect(tally).toEqual(tallyOf({ retried: 2, failed: 1, lastError: "503 ServiceUnavailable: Service unavailable" }));
    // Attempt 1 waits 0.5-1 s, attempt 2 waits 1-2 s (full jitter over the upper half).
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(500);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(1000);
    expect(clock.sleeps[1]).toBeGreaterThanOrEqual(1000);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(2000);
    expect(await rowOf("u1")).toMatchObject({
      status: "failed",
      attempts: 3,
      last_error: "gave up after 3 tries: 503 ServiceUnavailable: Service unavailable",
    });
  });

  it("tries eight times by default", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1")], new Date(t0));
    const teams = scriptedTeams({ "a:u1": Array.from({ length: 9 }, () => new TeamsDeliveryError(0, "NetworkError", "reset")) });
    const { tally } = await drain(teams, { stopWhenIdle: false });
    expect(tally).toMatchObject({ retried: 7, failed: 1 });
    expect(teams.sends).toHaveLength(8);
  });

  it("fails a message Teams rejects for good, logs it once with the row, and carries on", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1"), message("u2")], new Date(t0));
    const teams = scriptedTeams({ "a:u1": [new TeamsDeliveryError(400, "BadSyntax", "Invalid activity")] });
    const { log, lines } = capturedLog("info");
    const { tally } = await drain(teams, { log });
    expect(tally).toEqual(tallyOf({ sent: 1, failed: 1, lastError: "400 BadSyntax: Invalid activity" }));
    const row = await rowOf("u1");
    expect(row).toMatchObject({ status: "failed", last_error: "400 BadSyntax: Invalid activity", lease_until: null });
    expect(lines).toEqual([
      { level: 50, outboxId: row.id, recipient: "u1", error: "400 BadSyntax: Invalid activity", msg: "delivery failed" },
    ]);
  });

  it("fails a message it cannot render without sending it, and carries on", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1"), message("u2")], new Date(t0));
    const teams = scriptedTeams();
    const render = (row: OutboxRow) =>
      row.recipient_id === "u1" ? Promise.reject(new Error("no template for kind 'x'")) : Promise.resolve({ activity: { text: "ok" } });
    const { tally } = await drain(teams, { render });
    expect(tally).toEqual(tallyOf({ sent: 1, failed: 1 }));
    expect(teams.sends.map((s) => s.conversationId)).toEqual(["a:u2"]);
    expect(await rowOf("u1")).toMatchObject({ status: "failed", last_error: "could not render: no template for kind 'x'" });
  });

  it("while the campaign is paused sends only notices, and stops when none are left", async () => {
    store = await sqliteTarget().open();
    await setPaused(store, true, "admin", new Date(t0));
    await queueMessages(store, [message("u1"), message("admin", "notice")], new Date(t0));
    const teams = scriptedTeams();
    const { tally } = await drain(teams, { stopWhenIdle: false });
    expect(tally).toEqual(tallyOf({ sent: 1 }));
    expect(teams.sends.map((s) => s.conversationId)).toEqual(["a:admin"]);
    expect((await rowOf("u1")).status).toBe("pending");
  });

  it("reports the running tally after each message", async () => {
    store = await sqliteTarget().open();
    // Due one after the other, so one lane sends them in this order.
    await queueMessages(
      store,
      ["u1", "u2", "u3"].map((u, i) => ({ ...message(u), notBefore: new Date(t0 - 3 + i) })),
      new Date(t0),
    );
    const teams = scriptedTeams({ "a:u2": [new TeamsDeliveryError(400, "BadSyntax", "bad")] });
    const seen: DrainTally[] = [];
    await drain(teams, { concurrency: 1, onOutcome: (t) => seen.push(t) });
    expect(seen).toEqual([
      tallyOf({ sent: 1 }),
      tallyOf({ sent: 1, failed: 1, lastError: "400 BadSyntax: bad" }),
      tallyOf({ sent: 2, failed: 1, lastError: "400 BadSyntax: bad" }),
    ]);
  });

  it.each<[string, number | undefined, number, number]>([
    ["eight at a time by default, claiming four times that", undefined, 8, 32],
    ["as many at a time as it is told, claiming four times that", 3, 3, 12],
  ])("sends %s", async (_name, concurrency, lanes, claimed) => {
    store = await sqliteTarget().open();
    await queueMessages(
      store,
      Array.from({ length: 40 }, (_, i) => message(`u${String(i).padStart(2, "0")}`)),
      new Date(t0),
    );
    let inFlight = 0;
    let most = 0;
    const claims: { sending: number; claimedBy: string | null; leaseUntil: string | null }[] = [];
    const teams = scriptedTeams({}, async (ref) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      const row = await rowOf(ref.conversationId.slice(2));
      const sending = await store.db.selectFrom("outbox").select("id").where("status", "=", "sending").execute();
      claims.push({ sending: sending.length, claimedBy: row.claimed_by, leaseUntil: row.lease_until });
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
    });
    const { tally } = await drain(teams, concurrency === undefined ? {} : { concurrency });
    expect(tally.sent).toBe(40);
    expect(most).toBe(lanes);
    expect(claims[0]?.sending).toBe(claimed);
    // One worker id per drain, naming this host and process (so a restart can tell its own orphans).
    const workers = new Set(claims.map((c) => c.claimedBy));
    expect(workers.size).toBe(1);
    expect([...workers][0]).toMatch(new RegExp(`^${hostname().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${process.pid}:[0-9a-z]{1,6}$`));
    expect(new Set(claims.map((c) => c.leaseUntil))).toEqual(new Set([iso(t0 + 60_000)]));
  });

  it("claims with the lease it is given", async () => {
    store = await sqliteTarget().open();
    await queueMessages(store, [message("u1")], new Date(t0));
    const leases: (string | null)[] = [];
    const teams = scriptedTeams({}, async () => {
      leases.push((await rowOf("u1")).lease_until);
    });
    await drain(teams, { leaseMs: 5_000 });
    expect(leases).toEqual([iso(t0 + 5_000)]);
  });
});
