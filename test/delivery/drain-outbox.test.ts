import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openBot } from "../../src/app/open-bot.js";
import { openRuntime, type Runtime } from "../../src/app/open-runtime.js";
import { readCampaign } from "../../src/config/read-campaign.js";
import { drainOutbox } from "../../src/delivery/drain-outbox.js";
import { personalConversationId } from "../../src/sandbox/connector/simulated-connector.js";
import { queueMessages } from "../../src/store/outbox.js";
import { updatePersonState } from "../../src/store/people-state.js";
import type { SimulatedUser } from "../../src/sandbox/tenant/index.js";
import { startCampaignWorld, type CampaignWorld } from "../support/campaign-world.js";

/*
 * The drain with the real adapter and the real teams-ai application on it (the application
 * installs the adapter's onTurnError, which must not turn a failed send into a success).
 */
describe("draining the outbox through the real Teams adapter", () => {
  let world: CampaignWorld;
  let runtime: Runtime;

  beforeEach(async () => {
    world = await startCampaignWorld({ size: 60, seed: 9 });
    runtime = await openRuntime({ env: { ...world.env, LOG_LEVEL: "silent" }, defaultLogLevel: "silent" });
  });
  afterEach(async () => {
    await runtime.close();
    await world.close();
  });

  const drain = (options: { stopWhenIdle?: boolean; maxAttempts?: number } = {}) => {
    const bot = openBot(runtime, readCampaign(runtime.config.campaignFile));
    return drainOutbox({
      ...bot.delivery,
      store: runtime.store,
      clock: runtime.clock,
      log: runtime.log,
      stopWhenIdle: options.stopWhenIdle ?? true,
      maxAttempts: options.maxAttempts ?? 2,
    });
  };
  const queue = (user: SimulatedUser, step: string) =>
    queueMessages(
      runtime.store,
      [
        {
          kind: "reminder",
          userId: user.id,
          recipientId: user.id,
          phase: "Everyone",
          step,
          payload: {
            card: "reminder",
            kind: "first",
            deadline: "2030-01-01",
            firstName: "Ada",
            preferredLanguage: "en-GB",
            methodsRegistered: [],
          },
        },
      ],
      new Date(),
    );
  const reminderFor = (user: SimulatedUser) => ({
    kind: "reminder" as const,
    userId: user.id,
    recipientId: user.id,
    phase: "Everyone",
    step: "a",
    payload: {
      card: "reminder" as const,
      kind: "first" as const,
      deadline: "2030-01-01",
      firstName: "Ada",
      preferredLanguage: "en-GB",
      methodsRegistered: [],
    },
  });
  const person = (pick: (u: SimulatedUser) => boolean = () => true) => world.tenant.users.find((u) => u.kind === "person" && pick(u))!;
  const statusOf = async () => await runtime.store.db.selectFrom("outbox").select(["status", "last_error"]).executeTakeFirstOrThrow();

  it("sends and records the activity id Teams returned", async () => {
    const user = person((u) => u.teamsAppInstalled);
    await queue(user, "a");
    expect(await drain()).toMatchObject({ sent: 1, failed: 0 });
    const row = await runtime.store.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    expect(row.activity_id).toBe(world.connector.activities[0]?.id);
  });

  it("opens the conversation again when the stored one is gone", async () => {
    const user = person((u) => u.teamsAppInstalled);
    await updatePersonState(runtime.store, user.id, new Date(), { conversation_id: "a:gone", service_url: world.connector.url });
    await queue(user, "a");
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(world.connector.activities.map((a) => a.conversationId)).toEqual([personalConversationId(user.id)]);
    const state = await runtime.store.db
      .selectFrom("people_state")
      .select("conversation_id")
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(state.conversation_id).toBe(personalConversationId(user.id));
  });

  it("does not count a send Teams kept refusing as sent", async () => {
    const user = person((u) => u.teamsAppInstalled);
    world.connector.injectFault({ method: "POST", path: /\/activities$/, times: 100, status: 503, code: "ServiceUnavailable" });
    await queue(user, "a");
    const tally = await drain();
    expect(tally.sent).toBe(0);
    expect(world.connector.activities).toHaveLength(0);
    expect((await statusOf()).status).toMatch(/pending|failed/);
  }, 60_000);

  it("installs the bot through Graph, waits for Teams to open the chat rather than giving up, then sends", async () => {
    const user = person((u) => !u.teamsAppInstalled && !u.teamsAppBlocked);
    await queue(user, "a");
    expect(await drain({ stopWhenIdle: true })).toMatchObject({ sent: 0, installed: 1, retried: 1, unreachable: 0 });
    expect(world.tenant.userById(user.id)?.teamsAppInstalled).toBe(true);
    expect((await statusOf()).last_error).toBe("installed; waiting for Teams to open the chat");

    expect(await drain({ stopWhenIdle: false, maxAttempts: 8 })).toMatchObject({ sent: 1, installed: 0, unreachable: 0 });
    const chatId = personalConversationId(user.id);
    expect(world.connector.activities.map((a) => [a.userId, a.conversationId])).toEqual([[user.id, chatId]]);
    const state = await runtime.store.db.selectFrom("people_state").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect([state.conversation_id, state.unreachable_until]).toEqual([chatId, null]);
    const audit = await runtime.store.db.selectFrom("audit_log").select("action").where("subject_id", "=", user.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["app.installed"]);
  }, 30_000);

  it("marks someone who blocked the bot unreachable with the Bot Connector's code, without failing the run", async () => {
    const user = person((u) => u.teamsAppInstalled);
    world.blockedBot.add(user.id);
    await queue(user, "a");
    expect(await drain()).toMatchObject({ sent: 0, unreachable: 1, failed: 0 });
    expect((await statusOf()).status).toBe("unreachable");
    const state = await runtime.store.db.selectFrom("people_state").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect([state.unreachable_code, state.unreachable_reason]).toEqual(["ConversationBlockedByUser", "they blocked the bot in Teams"]);
  });

  it("records an app permission policy apart from a blocked bot, with Graph's code", async () => {
    const user = person((u) => !u.teamsAppInstalled);
    user.teamsAppBlocked = true;
    await queue(user, "a");
    expect(await drain()).toMatchObject({ sent: 0, unreachable: 1, installed: 0 });
    const state = await runtime.store.db.selectFrom("people_state").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect([state.unreachable_code, state.unreachable_reason]).toEqual([
      "Forbidden",
      "a Teams app permission policy keeps the bot from them",
    ]);
  });

  it("gives up on sends Teams never answers, stops the run after a lane's worth in a row, and the next run sends everything", async () => {
    const impatient = await openRuntime({ env: { ...world.env, LOG_LEVEL: "silent", TEAMS_TIMEOUT: "300ms" }, defaultLogLevel: "silent" });
    try {
      const people = world.tenant.users.filter((u) => u.kind === "person" && u.teamsAppInstalled).slice(0, 20);
      for (const user of people) {
        await queueMessages(impatient.store, [{ ...reminderFor(user), step: "a" }], new Date());
      }
      // No send gets an answer for longer than any test runs.
      world.connector.injectFault({
        method: "POST",
        path: /\/activities$/,
        times: 1000,
        status: 504,
        code: "GatewayTimeout",
        stallMs: 600_000,
      });
      const bot = openBot(impatient, readCampaign(impatient.config.campaignFile));
      const drainAll = () => drainOutbox({ ...bot.delivery, store: impatient.store, clock: impatient.clock, log: impatient.log });
      const started = Date.now();
      const first = await drainAll();
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(first).toMatchObject({ sent: 0, failed: 0, halted: "Teams answered none of the last 8 sends" });
      // Eight lanes: the eighth timeout in a row stops the run; sends already under way finish timing out.
      expect(first.retried).toBeGreaterThanOrEqual(8);
      expect(first.retried).toBeLessThanOrEqual(15);
      expect(first.lastError).toMatch(/^0 Timeout: Teams did not answer POST \/v3\/conversations\/.+\/activities within 300 ms$/);
      const rows = await impatient.store.db.selectFrom("outbox").select(["status", "attempts"]).execute();
      expect(rows.map((r) => r.status)).toEqual(people.map(() => "pending"));
      expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBe(first.retried);

      world.connector.clearFaults();
      const next = await drainAll();
      expect(next).toMatchObject({ sent: 20, failed: 0 });
      expect(next.halted).toBeUndefined();
      expect(new Set(world.connector.activities.map((a) => a.userId))).toEqual(new Set(people.map((u) => u.id)));
    } finally {
      await impatient.close();
    }
  });
});
