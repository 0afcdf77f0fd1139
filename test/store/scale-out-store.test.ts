import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/create-logger.js";
import { runAsLeader, takeTick } from "../../src/store/leadership.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { claimMessages, queueMessages } from "../../src/store/outbox.js";
import { holdPresence, releaseClaimsOfDeparted } from "../../src/store/presence.js";
import { finishPaceSlot, pausePaceLane, takePaceSlot } from "../../src/store/shared-pace.js";
import { dropConnections } from "../support/postgres-connections.js";
import { describeEachStore, postgresTarget } from "../support/test-stores.js";

const pgUrl = process.env.TEST_DATABASE_URL;
const postgres = postgresTarget(pgUrl ?? "");
const t0 = new Date("2026-11-23T10:00:00Z");

describeEachStore("the tick a scheduled run takes", (target) => {
  let store: Store | undefined;
  afterEach(async () => store?.close());

  it("is taken once: again or earlier is refused, a later one is taken", async () => {
    store = await target.open();
    const tick = (iso: string) => takeTick(store as Store, "campaign", iso, t0);
    expect(await tick("2026-11-23T10:00:00.000Z")).toBe(true);
    expect(await tick("2026-11-23T10:00:00.000Z")).toBe(false);
    expect(await tick("2026-11-23T09:30:00.000Z")).toBe(false);
    expect(await tick("2026-11-23T10:30:00.000Z")).toBe(true);
  });
});

/** A second pool on the same schema, named `applicationName` (so its connections can be dropped): another instance. */
async function anotherInstance(applicationName: string): Promise<Store> {
  const url = new URL(postgres.lastUrl());
  url.searchParams.set("application_name", applicationName);
  return openStore({ kind: "postgres", url: url.toString() }, createLogger("silent"));
}

describe.skipIf(!pgUrl)(`what instances share on PostgreSQL${pgUrl ? "" : " (skipped: TEST_DATABASE_URL is not set)"}`, () => {
  let store: Store | undefined;
  let other: Store | undefined;
  afterEach(async () => {
    await other?.close().catch(() => undefined);
    await store?.close();
    other = undefined;
  });

  it("hands out at most the limit of slots in a window between two instances, and then says how long to wait", async () => {
    store = await postgres.open();
    other = await anotherInstance(`${new URL(postgres.lastUrl()).searchParams.get("application_name")}_b`);
    const rule = { limit: 3, windowMs: 60_000, staleMs: 60_000 };
    const answers = [
      await takePaceSlot(store, "teams", rule),
      await takePaceSlot(other, "teams", rule),
      await takePaceSlot(store, "teams", rule),
      await takePaceSlot(other, "teams", rule),
    ];
    expect(answers.map((a) => ("slot" in a ? "slot" : "wait"))).toEqual(["slot", "slot", "slot", "wait"]);
    // Three slots still in flight: ask again in a moment.
    expect(answers[3]).toEqual({ waitMs: 5 });
    // Another lane is another budget.
    expect("slot" in (await takePaceSlot(other, "graph-reports", rule))).toBe(true);
  });

  it("reserves the next slot to free when it is a moment away, and otherwise says when to ask again", async () => {
    store = await postgres.open();
    const rule = { limit: 1, windowMs: 300, staleMs: 60_000 };
    const first = await takePaceSlot(store, "teams", rule);
    expect(first).toEqual({ slot: expect.any(Number) as number, afterMs: 0 });
    await finishPaceSlot(store, (first as { slot: number }).slot);
    // The slot frees 300 ms after it was stamped: more than a moment (100 ms) away, so no reservation yet.
    const early = await takePaceSlot(store, "teams", rule);
    expect("waitMs" in early && early.waitMs > 0 && early.waitMs <= 250).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, (early as { waitMs: number }).waitMs));
    const reserved = await takePaceSlot(store, "teams", rule);
    expect("slot" in reserved && reserved.afterMs >= 0 && reserved.afterMs <= 100).toBe(true);
  });

  it("holds every instance for a pause one of them set", async () => {
    store = await postgres.open();
    other = await anotherInstance(`${new URL(postgres.lastUrl()).searchParams.get("application_name")}_b`);
    const rule = { limit: 50, windowMs: 1000, staleMs: 60_000 };
    await pausePaceLane(store, "teams", 30_000);
    const answer = await takePaceSlot(other, "teams", rule);
    expect("waitMs" in answer && answer.waitMs > 25_000 && answer.waitMs <= 30_000).toBe(true);
  });

  it("forgets a slot whose request never finished once it is stale (its instance died)", async () => {
    store = await postgres.open();
    const rule = { limit: 1, windowMs: 60_000, staleMs: 300 };
    expect("slot" in (await takePaceSlot(store, "teams", rule))).toBe(true);
    expect(await takePaceSlot(store, "teams", rule)).toEqual({ waitMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect("slot" in (await takePaceSlot(store, "teams", rule))).toBe(true);
  });

  it("lets one instance lead at a time; the others are told at once, and lead once it is done", async () => {
    store = await postgres.open();
    other = await anotherInstance(`${new URL(postgres.lastUrl()).searchParams.get("application_name")}_b`);
    let finish: () => void = () => undefined;
    const leading = runAsLeader(store, "campaign", () => new Promise<string>((resolve) => (finish = () => resolve("first"))));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await runAsLeader(other, "campaign", () => Promise.resolve("second"))).toEqual({ led: false });
    // Another role has a lock of its own.
    expect(await runAsLeader(other, "digest", () => Promise.resolve("other role"))).toEqual({ led: true, result: "other role" });
    finish();
    expect(await leading).toEqual({ led: true, result: "first" });
    expect(await runAsLeader(other, "campaign", () => Promise.resolve("second"))).toEqual({ led: true, result: "second" });
  });

  it("takes back the claims of a sender whose instance died, leaves a live one's and an unlisted one's to their leases", async () => {
    store = await postgres.open();
    const deadName = `${new URL(postgres.lastUrl()).searchParams.get("application_name")}_dead`;
    other = await anotherInstance(deadName);
    await queueMessages(
      store,
      Array.from({ length: 9 }, (_, i) => ({
        kind: "reminder" as const,
        userId: `u${i}`,
        recipientId: `u${i}`,
        phase: "P",
        step: "s",
        payload: {},
      })),
      t0,
    );
    const gone = await holdPresence(other, "host-a:1:dead");
    const live = await holdPresence(store, "host-b:2:live");
    const dead = await claimMessages(store, "host-a:1:dead", 3, t0, 60_000);
    const alive = await claimMessages(store, "host-b:2:live", 3, t0, 60_000);
    const unlisted = await claimMessages(store, "host-c:3:old", 3, t0, 60_000);
    expect(await releaseClaimsOfDeparted(store, t0)).toBe(0);

    // The dead sender's process is gone: the server ends its connections, and its lock with them.
    expect(await dropConnections(pgUrl!, deadName)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await releaseClaimsOfDeparted(store, t0)).toBe(3);
    const rows = await store.db.selectFrom("outbox").select(["id", "status"]).execute();
    const statusOf = (id: string) => rows.find((r) => r.id === id)?.status;
    expect(dead.map((r) => statusOf(r.id))).toEqual(["pending", "pending", "pending"]);
    expect(alive.map((r) => statusOf(r.id))).toEqual(["sending", "sending", "sending"]);
    expect(unlisted.map((r) => statusOf(r.id))).toEqual(["sending", "sending", "sending"]);
    // Taken back once: the departed sender is forgotten.
    expect(await releaseClaimsOfDeparted(store, t0)).toBe(0);
    await live.release();
    await gone.release();
  });
});
