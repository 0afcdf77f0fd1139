import { afterEach, expect, it } from "vitest";
import type { Store } from "../../src/store/open-store.js";
import {
  claimMessages,
  markFinal,
  markHeld,
  markRetry,
  markSent,
  queueMessages,
  releaseClaim,
  releaseClaimsOf,
  releaseHeld,
  type NewMessage,
} from "../../src/store/outbox.js";
import { describeEachStore } from "../support/test-stores.js";

/*
 * The ways a claimed or held row goes back to waiting, called directly: the drain and the shutdown
 * that use them run in tests the mutation run leaves out (spawned processes, real timers).
 */

const t0 = new Date("2026-11-23T10:00:00Z");
const plusMinutes = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const message = (userId: string): NewMessage => ({
  kind: "reminder",
  userId,
  recipientId: userId,
  phase: "Everyone",
  step: "d-14",
  payload: {},
});

describeEachStore("handing outbox rows back", (target) => {
  let store: Store;
  afterEach(async () => store?.close());

  /** Queues one message for `userId` and has `worker` claim it at `at`; returns its id. */
  async function claimed(userId: string, worker: string, at = t0): Promise<string> {
    const [id] = await queueMessages(store, [message(userId)], t0);
    const rows = await claimMessages(store, worker, 10, at, 60_000);
    expect(rows.map((r) => r.id)).toEqual([id]);
    return id ?? "";
  }

  async function rowOf(id: string) {
    const row = await store.db
      .selectFrom("outbox")
      .select(["status", "attempts", "claimed_by", "lease_until", "not_before", "last_error"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return { ...row, attempts: Number(row.attempts) };
  }

  it("releaseClaim hands back only its own worker's row still being sent, its try not counted", async () => {
    store = await target.open();
    const a = await claimed("a", "w1");
    const b = await claimed("b", "w1");
    await markSent(store, b, "w1", { at: t0, activityId: "act-b", conversationId: "conv-b" });
    const leaseEnd = plusMinutes(1).toISOString();

    await releaseClaim(store, a, "w2");
    expect(await rowOf(a)).toEqual({
      status: "sending",
      attempts: 1,
      claimed_by: "w1",
      lease_until: leaseEnd,
      not_before: t0.toISOString(),
      last_error: null,
    });
    await releaseClaim(store, b, "w1");
    expect((await rowOf(b)).status).toBe("sent");

    await releaseClaim(store, a, "w1");
    expect(await rowOf(a)).toEqual({
      status: "pending",
      attempts: 0,
      claimed_by: "w1",
      lease_until: null,
      not_before: t0.toISOString(),
      last_error: null,
    });
  });

  it("markHeld keeps the first 1000 characters of 'held: ' and the problem", async () => {
    store = await target.open();
    const a = await claimed("a", "w1");
    await markHeld(store, a, "w1", plusMinutes(60), "x".repeat(1100));
    expect(await rowOf(a)).toEqual({
      status: "pending",
      attempts: 0,
      claimed_by: "w1",
      lease_until: null,
      not_before: plusMinutes(60).toISOString(),
      last_error: `held: ${"x".repeat(994)}`,
    });
  });

  it("releaseHeld makes ready now only the pending rows held into the future", async () => {
    store = await target.open();
    // Held, then claimed again an hour later and failed for good with a text that starts like a hold.
    const failed = await claimed("failed", "w1");
    await markHeld(store, failed, "w1", plusMinutes(60), "no Graph permission");
    expect((await claimMessages(store, "w2", 10, plusMinutes(60), 60_000)).map((r) => r.id)).toEqual([failed]);
    await markFinal(store, failed, "w2", "failed", "held: by hand");

    const heldLong = await claimed("long", "w1");
    await markHeld(store, heldLong, "w1", plusMinutes(60), "no Graph permission");
    const heldShort = await claimed("short", "w1");
    await markHeld(store, heldShort, "w1", plusMinutes(5), "no Graph permission");
    const retried = await claimed("retried", "w1");
    await markRetry(store, retried, "w1", plusMinutes(60), "throttled");

    const now = plusMinutes(10);
    expect(await releaseHeld(store, now)).toBe(1);
    expect(await rowOf(heldLong)).toMatchObject({ status: "pending", not_before: now.toISOString() });
    expect(await rowOf(heldShort)).toMatchObject({ status: "pending", not_before: plusMinutes(5).toISOString() });
    expect(await rowOf(retried)).toMatchObject({ status: "pending", not_before: plusMinutes(60).toISOString() });
    expect(await rowOf(failed)).toMatchObject({ status: "failed", not_before: plusMinutes(60).toISOString() });
    expect(await releaseHeld(store, now)).toBe(0);
  });

  it("releaseClaimsOf hands back, untried and ready now, the rows being sent by workers with the prefix", async () => {
    store = await target.open();
    const mine1 = await claimed("m1", "host-a:7:sender-1");
    const mine2 = await claimed("m2", "host-a:7:sender-2");
    const other = await claimed("o", "host-a:70:sender-1");
    const sent = await claimed("s", "host-a:7:sender-1");
    await markSent(store, sent, "host-a:7:sender-1", { at: t0, activityId: "act-s", conversationId: "conv-s" });

    const now = plusMinutes(3);
    expect(await releaseClaimsOf(store, "host-a:7:", now)).toBe(2);
    for (const [id, worker] of [
      [mine1, "host-a:7:sender-1"],
      [mine2, "host-a:7:sender-2"],
    ] as const) {
      expect(await rowOf(id)).toEqual({
        status: "pending",
        attempts: 0,
        claimed_by: worker,
        lease_until: null,
        not_before: now.toISOString(),
        last_error: "released: its sender shut down",
      });
    }
    expect(await rowOf(other)).toMatchObject({ status: "sending", attempts: 1, lease_until: plusMinutes(1).toISOString() });
    expect((await rowOf(sent)).status).toBe("sent");
  });
});
