import { afterEach, expect, it } from "vitest";
import type { Store } from "../../src/store/open-store.js";
import { claimMessages, countOutbox, markSent, queueMessages, type NewMessage } from "../../src/store/outbox.js";
import { describeEachStore } from "../support/test-stores.js";

const message = (userId: string, step = "d-14"): NewMessage => ({
  kind: "reminder",
  userId,
  recipientId: userId,
  phase: "Everyone",
  step,
  payload: { card: "reminder" },
});
const t0 = new Date("2026-11-23T10:00:00Z");

describeEachStore("the outbox", (target) => {
  let store: Store;
  afterEach(async () => store?.close());

  it("queues a step once, however often it is planned", async () => {
    store = await target.open();
    expect(await queueMessages(store, [message("a"), message("b")], t0)).toHaveLength(2);
    expect(await queueMessages(store, [message("a"), message("b"), message("c")], t0)).toHaveLength(1);
    expect((await countOutbox(store)).pending).toBe(3);
  });

  it("never gives the same row to two workers claiming at once", async () => {
    store = await target.open();
    await queueMessages(
      store,
      Array.from({ length: 300 }, (_, i) => message(`u${i}`)),
      t0,
    );
    const claims = await Promise.all(Array.from({ length: 6 }, (_, w) => claimMessages(store, `worker-${w}`, 40, t0, 60_000)));
    const ids = claims.flat().map((r) => r.id);
    expect(ids.length).toBe(240);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [w, rows] of claims.entries()) expect(rows.every((r) => r.claimed_by === `worker-${w}`)).toBe(true);
  });

  it("hands a claimed row to another worker only once its lease has run out", async () => {
    store = await target.open();
    await queueMessages(store, [message("a")], t0);
    const [first] = await claimMessages(store, "w1", 10, t0, 60_000);
    expect(first?.attempts).toBe(1);
    expect(await claimMessages(store, "w2", 10, new Date(t0.getTime() + 30_000), 60_000)).toEqual([]);
    const [again] = await claimMessages(store, "w2", 10, new Date(t0.getTime() + 61_000), 60_000);
    expect(again).toMatchObject({ id: first?.id, claimed_by: "w2", attempts: 2 });
    // The first worker's late "sent" no longer counts: the row is the second worker's now.
    await markSent(store, first!.id, "w1", { at: t0, activityId: "x", conversationId: "c" });
    expect((await countOutbox(store)).sending).toBe(1);
  });

  it("does not claim rows queued for later", async () => {
    store = await target.open();
    await queueMessages(store, [{ ...message("a"), notBefore: new Date(t0.getTime() + 3_600_000) }], t0);
    expect(await claimMessages(store, "w", 10, t0, 60_000)).toEqual([]);
    expect(await claimMessages(store, "w", 10, new Date(t0.getTime() + 3_600_000), 60_000)).toHaveLength(1);
  });
});
