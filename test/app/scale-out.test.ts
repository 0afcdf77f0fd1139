import { hostname } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { startSimulatedConnector, type SimulatedConnector } from "../../src/sandbox/connector/simulated-connector.js";
import type { Store } from "../../src/store/open-store.js";
import { expectedRecipients, startCampaignWorld, type CampaignWorld } from "../support/campaign-world.js";
import { queueDueReminders } from "../support/queue-due-reminders.js";
import { spawnStart, type StartedProcess } from "../support/spawn-start.js";
import { postgresTarget } from "../support/test-stores.js";

/*
 * Several `mfa-nudge start` processes on one PostgreSQL database, against one simulated tenant and
 * one simulated Teams connector, behaving as one bot (README: "Running more than one instance").
 */
const pgUrl = process.env.TEST_DATABASE_URL;
const postgres = postgresTarget(pgUrl ?? "");
const reportPath = "/v1.0/reports/authenticationMethods/userRegistrationDetails";
// A schedule that does not fire while a test runs: the instances only help send what is queued.
const never = "0 0 1 1 *";

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The process id in a sender's worker id (`host:pid:random`). */
const pidOf = (claimedBy: string | null) => Number((claimedBy ?? "").slice(`${hostname()}:`.length).split(":")[0]);

describe.skipIf(!pgUrl)(`instances on one PostgreSQL database${pgUrl ? "" : " (skipped: TEST_DATABASE_URL is not set)"}`, () => {
  let store: Store | undefined;
  let world: CampaignWorld | undefined;
  let connector: SimulatedConnector | undefined;
  let instances: StartedProcess[] = [];

  afterEach(async () => {
    await Promise.all(instances.map((i) => i.kill()));
    instances = [];
    await store?.close();
    await world?.close();
    await connector?.close();
    store = undefined;
    world = undefined;
    connector = undefined;
  });

  async function open(options: { size: number; seed: number; schedule: string; latencyMs?: number }): Promise<Record<string, string>> {
    world = await startCampaignWorld({
      size: options.size,
      seed: options.seed,
      campaign: { schedule: options.schedule },
      connectorLatencyMs: options.latencyMs ?? 0,
    });
    store = await postgres.open();
    return { ...world.env, DATABASE_URL: postgres.lastUrl() };
  }

  /** A queue of `count` reminders ready to go, through a connector of their own (every chat open), 20 a second. */
  async function openQueue(
    count: number,
    latencyMs = 0,
  ): Promise<{ env: Record<string, string>; ids: string[]; teams: SimulatedConnector }> {
    const env = await open({ size: 20, seed: 4, schedule: never });
    connector = await startSimulatedConnector({ latencyMs });
    const ids = await queueDueReminders(store as Store, count, connector.url, new Date());
    // 20 a second between them, so the queue lasts long enough for both to be sending.
    return { env: { ...env, TEAMS_SERVICE_URL: connector.url, TEAMS_PACE: "20/1s" }, ids, teams: connector };
  }

  const sentRows = async () =>
    (store as Store).db.selectFrom("outbox").select(["recipient_id", "claimed_by", "status"]).where("status", "=", "sent").execute();

  it("runs each scheduled tick once, on one of three instances", async () => {
    const env = await open({ size: 60, seed: 3, schedule: "*/4 * * * * *" });
    instances = await Promise.all([spawnStart(env, []), spawnStart(env, []), spawnStart(env, [])]);
    const syncs = async () =>
      (store as Store).db.selectFrom("sync_runs").select(["started_at", "status"]).where("status", "=", "complete").execute();
    await until("three complete syncs", async () => (await syncs()).length >= 3);
    const exits = await Promise.all(instances.map((i) => i.stop()));
    instances = [];
    expect(exits).toEqual([0, 0, 0]);

    const runs = await (store as Store).db.selectFrom("sync_runs").select("started_at").execute();
    // One sync per tick: the ticks are 4 s apart, so two syncs of one tick would share a 4-second slot.
    const ticks = runs.map((r) => Math.floor(Date.parse(r.started_at) / 4000));
    expect(new Set(ticks).size).toBe(runs.length);
    // And Graph saw the report's first page once per sync, not once per instance.
    const firstPages = (world as CampaignWorld).graph.requests.filter((r) => r.path === reportPath && r.query.$skiptoken === undefined);
    expect(firstPages).toHaveLength(runs.length);
  }, 180_000);

  it("pauses every instance for a 429's Retry-After, not only the one refused", async () => {
    const { env, ids, teams: connector } = await openQueue(400);
    instances = await Promise.all([spawnStart(env, []), spawnStart(env, [])]);
    await until("both instances sending", async () => new Set((await sentRows()).map((r) => pidOf(r.claimed_by))).size === 2);
    connector.injectFault({ path: /\/activities$/, times: 1, status: 429, code: "ThrottledRequest", retryAfterSeconds: 3 });
    await until("everyone reached", () => new Set(connector.activities.map((a) => a.userId)).size === ids.length);

    const refusal = connector.requests.find((r) => r.status === 429);
    expect(refusal).toBeDefined();
    const at = (refusal as { at: number }).at;
    // Sends already under way when the 429 came land within moments; after that, nobody sends
    // until the Retry-After has passed. Unshared, the other instance would have sent ~35 here.
    const duringPause = connector.requests.filter((r) => r.status === 201 && r.at > at + 1000 && r.at < at + 2800);
    expect(duringPause).toEqual([]);
    // Both were sending before the 429 and after it.
    const rows = await sentRows();
    expect(new Set(rows.map((r) => pidOf(r.claimed_by)))).toEqual(new Set(instances.map((i) => i.pid)));
    expect(connector.requests.filter((r) => r.status === 201 && r.at >= at + 3000).length).toBeGreaterThan(0);
    expect(connector.activities).toHaveLength(ids.length);
  }, 180_000);

  it("on SIGTERM stops claiming, finishes its sends, hands back the rest and exits 0; the other sends it", async () => {
    const { env, ids, teams: connector } = await openQueue(300, 100);
    const [leaving, staying] = (instances = await Promise.all([spawnStart(env, []), spawnStart(env, [])])) as [
      StartedProcess,
      StartedProcess,
    ];
    await until(
      "the leaving instance sending",
      async () => (await sentRows()).filter((r) => pidOf(r.claimed_by) === leaving.pid).length >= 20,
    );
    expect(await leaving.stop()).toBe(0);
    instances = [staying];

    const held = await (store as Store).db.selectFrom("outbox").select(["claimed_by"]).where("status", "=", "sending").execute();
    expect(held.filter((r) => pidOf(r.claimed_by) === leaving.pid)).toEqual([]);
    await until("everyone reached", async () => (await sentRows()).length === ids.length);
    // Each exactly once: the sends under way at the SIGTERM finished and were recorded, none sent again.
    expect(connector.activities.map((a) => a.userId).sort()).toEqual([...ids].sort());
    const rows = await sentRows();
    expect(new Set(rows.map((r) => pidOf(r.claimed_by)))).toEqual(new Set([leaving.pid, staying.pid]));
    expect(await staying.stop()).toBe(0);
    instances = [];
  }, 180_000);

  it("survives kill -9 of the leader mid-delivery: everyone gets their card, twice only for sends in flight at the kill", async () => {
    const env = await open({ size: 900, seed: 21, schedule: "*/5 * * * * *", latencyMs: 20 });
    const infoEnv = { ...env, LOG_LEVEL: "info" };
    instances = await Promise.all([spawnStart(infoEnv, []), spawnStart(infoEnv, []), spawnStart(infoEnv, [])]);
    const connector = (world as CampaignWorld).connector;
    await until("delivery under way", () => connector.activities.length >= 40);
    const leader = instances.find((i) => i.err().includes('"msg":"campaign planned"'));
    expect(leader).toBeDefined();
    await (leader as StartedProcess).kill();
    const killedAt = Date.now();
    const survivors = instances.filter((i) => i !== leader);
    instances = survivors;

    const expected = expectedRecipients((world as CampaignWorld).tenant, (u) => u.teamsAppBlocked && !u.teamsAppInstalled).map((u) => u.id);
    expect(connector.activities.length).toBeLessThan(expected.length); // it really died mid-delivery
    await until("everyone reached", () => new Set(connector.activities.map((a) => a.userId)).size === expected.length, 150_000);
    const exits = await Promise.all(survivors.map((i) => i.stop()));
    instances = [];
    expect(exits).toEqual([0, 0]);

    const received = connector.activities.map((a) => a.userId);
    expect([...new Set(received)].sort()).toEqual([...expected].sort());
    // Twice only for sends the leader had under way when it died: at most one per lane (8), and
    // each such person's first card arrived before the kill (the leader sent it, but never recorded it).
    const twice = [...new Set(received.filter((r, i) => received.indexOf(r) !== i))];
    expect(twice.length).toBeLessThanOrEqual(8);
    for (const id of twice) expect(connector.activities.find((a) => a.userId === id)!.at).toBeLessThanOrEqual(killedAt);
    const statuses = await (store as Store).db.selectFrom("outbox").select("status").distinct().execute();
    expect(statuses.map((s) => s.status).filter((s) => s !== "sent" && s !== "unreachable")).toEqual([]);
  }, 240_000);
});
