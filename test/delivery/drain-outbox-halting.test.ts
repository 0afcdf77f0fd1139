import { capturedLog } from "../support/captured-log.js";
import { afterEach, describe, expect, it } from "vitest";
import type { AppInstaller } from "../../src/delivery/app-installer.js";
import { drainOutbox, type DrainOptions } from "../../src/delivery/drain-outbox.js";
import { TeamsDeliveryError, type TeamsMessenger } from "../../src/delivery/teams-messenger.js";
import { AppError } from "../../src/errors/app-error.js";
import { ErrorCode } from "../../src/errors/error-code.js";
import type { Store } from "../../src/store/open-store.js";
import { queueMessages } from "../../src/store/outbox.js";
import type { OutboxKind } from "../../src/store/schema.js";
import type { PersonState } from "../../src/store/people-state.js";
import { updatePersonState } from "../../src/store/people-state.js";
import { autoClock } from "../support/manual-clock.js";
import { sqliteTarget } from "../support/test-stores.js";

/*
 * When the drain stops early (Teams answers nothing), how long it waits between polls, and what it
 * reads before rendering: Teams replaced by a scripted messenger, time by a clock that moves only
 * when the drain sleeps.
 */

const t0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const serviceUrl = "https://smba.trafficmanager.net/emea/";
const noAnswer = () => new TeamsDeliveryError(0, "Timeout", "no answer in 30 s");
const throttled = (ms: number) => new TeamsDeliveryError(429, "ThrottledRequest", "Too many requests", ms);

/** A Bot Connector stand-in: each person's chat is `a:<id>`; its sends take the scripted answers, then succeed. */
function scriptedTeams(script: Record<string, Error[]> = {}) {
  const sends: string[] = [];
  const messenger: TeamsMessenger = {
    openConversation(userId) {
      const next = script[`open ${userId}`]?.shift();
      return next ? Promise.reject(next) : Promise.resolve({ conversationId: `a:${userId}`, serviceUrl });
    },
    send(ref) {
      sends.push(ref.conversationId);
      const next = script[ref.conversationId]?.shift();
      return next ? Promise.reject(next) : Promise.resolve(`activity-${sends.length}`);
    },
    update: () => Promise.reject(new Error("the drain never updates a message")),
  };
  return { messenger, sends };
}

describe("draining the outbox: stopping, polling and reading", () => {
  let store: Store;
  afterEach(async () => store?.close());

  /** Queues one message per recipient, a millisecond apart, so they are claimed in this order. */
  async function queue(recipients: string[], kind: OutboxKind = "reminder") {
    for (const [i, recipient] of recipients.entries()) {
      const message = { kind, userId: recipient, recipientId: recipient, phase: "Everyone", step: "d-14", payload: {} };
      await queueMessages(store, [message], new Date(t0 - recipients.length + i));
    }
  }

  async function drain(messenger: TeamsMessenger, over: Partial<DrainOptions> = {}) {
    const clock = autoClock(t0);
    const { log, lines } = capturedLog("warn");
    const tally = await drainOutbox({
      store,
      messenger,
      installer: undefined,
      serviceUrl,
      clock,
      log,
      render: () => Promise.resolve({ activity: { type: "message", text: "hello" } }),
      stopWhenIdle: true,
      ...over,
    });
    return { tally, clock, lines };
  }
  const rowsByRecipient = async () =>
    await store.db.selectFrom("outbox").select(["recipient_id", "status", "attempts", "last_error"]).orderBy("recipient_id").execute();

  it("stops after three unanswered sends in a row by default, handing the rest of the batch back untried", async () => {
    store = await sqliteTarget().open();
    await queue(["u1", "u2", "u3", "u4", "u5"]);
    const teams = scriptedTeams({ "a:u1": [noAnswer()], "a:u2": [noAnswer()], "a:u3": [noAnswer()] });
    const { tally, lines } = await drain(teams.messenger, { concurrency: 1 });
    expect(tally).toEqual({
      sent: 0,
      retried: 3,
      unreachable: 0,
      failed: 0,
      installed: 0,
      held: 0,
      lastError: "0 Timeout: no answer in 30 s",
      halted: "Teams answered none of the last 3 sends",
    });
    expect(teams.sends).toEqual(["a:u1", "a:u2", "a:u3"]);
    // u4 was in the batch of four (concurrency x 4) and is handed back with its claim uncounted; u5 was never claimed.
    expect(await rowsByRecipient()).toEqual([
      { recipient_id: "u1", status: "pending", attempts: 1, last_error: "0 Timeout: no answer in 30 s" },
      { recipient_id: "u2", status: "pending", attempts: 1, last_error: "0 Timeout: no answer in 30 s" },
      { recipient_id: "u3", status: "pending", attempts: 1, last_error: "0 Timeout: no answer in 30 s" },
      { recipient_id: "u4", status: "pending", attempts: 0, last_error: null },
      { recipient_id: "u5", status: "pending", attempts: 0, last_error: null },
    ]);
    expect(lines).toEqual([
      {
        level: 40,
        unanswered: 3,
        lastError: "0 Timeout: no answer in 30 s",
        msg: "Teams is not answering; delivery stops until the next run",
      },
    ]);
  });

  it("counts only unanswered sends in a row: a throttled or a delivered one starts the count again", async () => {
    store = await sqliteTarget().open();
    await queue(["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"]);
    const teams = scriptedTeams({
      "a:u1": [noAnswer()],
      "a:u2": [noAnswer()],
      "a:u3": [throttled(60_000)],
      "a:u4": [noAnswer()],
      "a:u5": [noAnswer()],
      "a:u7": [noAnswer()],
      "a:u8": [noAnswer()],
    });
    const { tally, lines } = await drain(teams.messenger, { concurrency: 1, unansweredLimit: 3 });
    expect(tally).toMatchObject({ sent: 1, retried: 7 });
    expect(tally.halted).toBeUndefined();
    expect(teams.sends).toEqual(["a:u1", "a:u2", "a:u3", "a:u4", "a:u5", "a:u6", "a:u7", "a:u8"]);
    expect(lines).toEqual([]);
  });

  it("halts at the limit it is given, once, even when sends in flight at the same time go unanswered too", async () => {
    store = await sqliteTarget().open();
    await queue(["u1", "u2", "u3"]);
    const teams = scriptedTeams({ "a:u1": [noAnswer()], "a:u2": [noAnswer()], "a:u3": [noAnswer()] });
    const { tally, lines } = await drain(teams.messenger, { concurrency: 2, unansweredLimit: 1, stopWhenIdle: false });
    expect(tally.halted).toBe("Teams answered none of the last 1 sends");
    expect(teams.sends).toEqual(["a:u1", "a:u2"]);
    expect(lines.map((line) => line.unanswered)).toEqual([1]);
  });

  it("hands back the rest of a batch untried once it is told to stop", async () => {
    store = await sqliteTarget().open();
    await queue(["u1", "u2", "u3"]);
    const stop = new AbortController();
    const teams = scriptedTeams();
    const messenger: TeamsMessenger = {
      ...teams.messenger,
      send: async (ref, activity) => {
        stop.abort();
        return await teams.messenger.send(ref, activity);
      },
    };
    const { tally } = await drain(messenger, { concurrency: 1, stop: stop.signal });
    expect(tally.sent).toBe(1);
    expect(await rowsByRecipient()).toEqual([
      { recipient_id: "u1", status: "sent", attempts: 1, last_error: null },
      { recipient_id: "u2", status: "pending", attempts: 0, last_error: null },
      { recipient_id: "u3", status: "pending", attempts: 0, last_error: null },
    ]);
  });

  it("looks up at least once a second while waiting for a retry, when it may be stopped", async () => {
    store = await sqliteTarget().open();
    await queue(["u1"]);
    const teams = scriptedTeams({ "a:u1": [throttled(2500)] });
    const { tally, clock } = await drain(teams.messenger, { stopWhenIdle: false, stop: new AbortController().signal });
    expect(clock.sleeps).toEqual([1000, 1000, 500]);
    expect(tally).toMatchObject({ sent: 1, retried: 1 });
  });

  it("waits for a retry due before the held messages, then stops instead of waiting for the setup to be fixed", async () => {
    store = await sqliteTarget().open();
    await queue(["u1", "u2"]);
    const teams = scriptedTeams({
      "open u1": [new TeamsDeliveryError(403, "BotNotInConversationRoster", "not in roster")],
      "a:u2": [throttled(5000)],
    });
    const missing = new AppError(ErrorCode.GraphPermissionMissing, "Graph refused the install.");
    const installer: AppInstaller = { installFor: () => Promise.reject(missing), chatWith: () => Promise.reject(missing) };
    const { tally, clock } = await drain(teams.messenger, { installer, stopWhenIdle: false, holdForMs: 600_000 });
    expect(tally).toMatchObject({ sent: 1, retried: 1, held: 1 });
    expect(clock.sleeps).toEqual([5000]);
    expect(teams.sends).toEqual(["a:u2", "a:u2"]);
    expect(await rowsByRecipient()).toEqual([
      { recipient_id: "u1", status: "pending", attempts: 0, last_error: "held: Graph refused the install." },
      { recipient_id: "u2", status: "sent", attempts: 2, last_error: null },
    ]);
  });

  it("reads the recipient's state for their card, but not for a notice to a channel", async () => {
    store = await sqliteTarget().open();
    await queue(["u1"]);
    await queue(["admins"], "notice");
    await updatePersonState(store, "u1", new Date(t0 - 1000), { time_zone: "Europe/Berlin" });
    await updatePersonState(store, "admins", new Date(t0 - 1000), { time_zone: "Europe/Paris" });
    const seen: [string, string | null | undefined][] = [];
    const render = (row: { recipient_id: string }, state: PersonState | undefined) => {
      seen.push([row.recipient_id, state?.time_zone]);
      return Promise.resolve({ activity: { type: "message", text: "hello" } });
    };
    await drain(scriptedTeams().messenger, { concurrency: 1, render });
    expect(seen.sort()).toEqual([
      ["admins", undefined],
      ["u1", "Europe/Berlin"],
    ]);
  });
});
