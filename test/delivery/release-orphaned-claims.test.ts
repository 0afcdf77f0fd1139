import { spawn } from "node:child_process";
import { hostname } from "node:os";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { drainOutbox } from "../../src/delivery/drain-outbox.js";
import { isRunning, releaseOrphanedClaims } from "../../src/delivery/release-orphaned-claims.js";
import type { TeamsMessenger } from "../../src/delivery/teams-messenger.js";
import { createLogger } from "../../src/log/create-logger.js";
import type { Store } from "../../src/store/open-store.js";
import { claimMessages, queueMessages, type NewMessage } from "../../src/store/outbox.js";
import { autoClock } from "../support/manual-clock.js";
import { describeEachStore } from "../support/test-stores.js";

const t0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const lease = 60_000;
const here = hostname();

const message = (recipientId: string): NewMessage => ({
  kind: "reminder",
  userId: recipientId,
  recipientId,
  phase: "Everyone",
  step: "d-14",
  payload: {},
});

/** The pid of a process that has run and exited: a sender that died. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", () => resolve(child.pid ?? -1));
  });
}

describeEachStore("releasing the claims of a sender that died", (target) => {
  let store: Store;
  let dead: number;
  beforeAll(async () => {
    dead = await deadPid();
  });
  afterEach(async () => store?.close());

  /** Queues one row per worker and has that worker claim it at t0, as a crashed run would leave it. */
  async function claimedBy(...workers: string[]): Promise<void> {
    for (const [i, worker] of workers.entries()) {
      await queueMessages(store, [message(`u${i}`)], new Date(t0));
      expect(await claimMessages(store, worker, 1, new Date(t0), lease)).toMatchObject([{ recipient_id: `u${i}` }]);
    }
  }
  const rows = async () =>
    await store.db
      .selectFrom("outbox")
      .select(["recipient_id", "status", "claimed_by", "lease_until", "not_before", "last_error", "attempts"])
      .orderBy("recipient_id")
      .execute();

  it("puts back at once what a process of this host that is no longer running had claimed", async () => {
    store = await target.open();
    await claimedBy(`${here}:${dead}:abc123`);
    expect(await releaseOrphanedClaims(store, new Date(t0 + 1000))).toBe(1);
    expect(await rows()).toEqual([
      {
        recipient_id: "u0",
        status: "pending",
        claimed_by: `${here}:${dead}:abc123`,
        lease_until: null,
        not_before: iso(t0 + 1000),
        last_error: "released: its sender stopped mid-send",
        attempts: 1,
      },
    ]);
  });

  it.each<[string, () => string]>([
    ["another host (it may still be sending)", () => `elsewhere:${dead}:abc123`],
    ["a host whose name merely starts with ours", () => `${here}-2:${dead}:abc123`],
    ["this very process", () => `${here}:${process.pid}:abc123`],
    ["another process of this host that is still running", () => `${here}:${process.ppid}:abc123`],
  ])("leaves a claim by %s to its lease", async (_name, worker) => {
    store = await target.open();
    await claimedBy(worker());
    expect(await releaseOrphanedClaims(store, new Date(t0 + 1000))).toBe(0);
    expect(await rows()).toMatchObject([{ status: "sending", claimed_by: worker(), lease_until: iso(t0 + lease), last_error: null }]);
  });

  it.each([
    ["no pid", `${here}:abc:1`],
    ["pid 0 (which would signal our own process group)", `${here}:0:1`],
    ["a negative pid (which would signal every process)", `${here}:-1:1`],
  ])("takes a claim naming %s as orphaned", async (_name, worker) => {
    store = await target.open();
    await claimedBy(worker);
    expect(await releaseOrphanedClaims(store, new Date(t0))).toBe(1);
    expect(await rows()).toMatchObject([{ status: "pending" }]);
  });

  it("leaves rows that are not being sent alone, whoever last claimed them", async () => {
    store = await target.open();
    await claimedBy(`${here}:${dead}:abc123`);
    await store.db.updateTable("outbox").set({ status: "failed", last_error: "400 BadSyntax" }).execute();
    expect(await releaseOrphanedClaims(store, new Date(t0))).toBe(0);
    expect(await rows()).toMatchObject([{ status: "failed", last_error: "400 BadSyntax" }]);
  });

  it("passes over a row marked as being sent that names no sender", async () => {
    store = await target.open();
    await claimedBy(`${here}:${dead}:abc123`);
    await store.db.updateTable("outbox").set({ claimed_by: null }).execute();
    expect(await releaseOrphanedClaims(store, new Date(t0))).toBe(0);
    expect(await rows()).toMatchObject([{ status: "sending", claimed_by: null }]);
  });

  it("releases every orphaned row, however many there are", async () => {
    store = await target.open();
    await queueMessages(
      store,
      Array.from({ length: 1203 }, (_, i) => message(`u${i}`)),
      new Date(t0),
    );
    expect(await claimMessages(store, `${here}:${dead}:abc123`, 2000, new Date(t0), lease)).toHaveLength(1203);
    expect(await releaseOrphanedClaims(store, new Date(t0))).toBe(1203);
    const left = await store.db.selectFrom("outbox").select("status").where("status", "=", "sending").execute();
    expect(left).toEqual([]);
  });

  it("lets a restarted drain send an orphaned row at once, not a lease later", async () => {
    store = await target.open();
    await claimedBy(`${here}:${dead}:abc123`, `elsewhere:${dead}:abc123`);
    const sent: string[] = [];
    const messenger: TeamsMessenger = {
      openConversation: (userId) => Promise.resolve({ conversationId: `a:${userId}`, serviceUrl: "https://smba.example/" }),
      send: (ref) => (sent.push(ref.conversationId), Promise.resolve(`activity-${sent.length}`)),
      update: () => Promise.reject(new Error("the drain never updates a message")),
    };
    const restartedAt = t0 + 1000;
    const clock = autoClock(restartedAt);
    const tally = await drainOutbox({
      store,
      messenger,
      installer: undefined,
      serviceUrl: "https://smba.example/",
      clock,
      log: createLogger("silent"),
      render: () => Promise.resolve({ activity: { text: "hi" } }),
      stopWhenIdle: true,
    });
    // Ours is sent the moment the drain starts; the other host's claim waits for its lease.
    expect(tally.sent).toBe(1);
    expect(sent).toEqual(["a:u0"]);
    expect(clock.sleeps).toEqual([]);
    const u0 = await store.db.selectFrom("outbox").select(["status", "sent_at"]).where("recipient_id", "=", "u0").executeTakeFirstOrThrow();
    expect(u0).toEqual({ status: "sent", sent_at: iso(restartedAt) });
  });
});

describe("telling whether a claim's process is still running", () => {
  const refusing = (code: string) => () => {
    throw Object.assign(new Error(code), { code });
  };

  it.each<[string, number, (pid: number) => void, boolean]>([
    ["a process signal 0 reaches", 4242, () => undefined, true],
    // kill(pid, 0) refuses with EPERM for a live process of another user; root never sees it, so it is played here.
    ["another user's live process (EPERM)", 4242, refusing("EPERM"), true],
    ["a process that is gone (ESRCH)", 4242, refusing("ESRCH"), false],
    ["pid 0, never signalled (it would reach our own process group)", 0, () => undefined, false],
    ["a negative pid, never signalled (it would reach every process)", -1, () => undefined, false],
    ["a pid that is not a number", Number.NaN, () => undefined, false],
    ["our own process, without asking", process.pid, refusing("ESRCH"), true],
  ])("judges %s", (_name, pid, signal, running) => {
    expect(isRunning(pid, signal)).toBe(running);
  });
});
