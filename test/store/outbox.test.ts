import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/open-store.js";
import {
  claimMessages,
  countOutbox,
  dedupeKeyOf,
  markFinal,
  markRetry,
  markSent,
  nextReadyAt,
  queueMessages,
  type NewMessage,
} from "../../src/store/outbox.js";
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

  // Through one store: on PostgreSQL each claim takes its own pooled connection, so they overlap;
  // SQLite's single connection makes them take turns. Separate processes: outbox-claim-processes.test.ts.
  it("never gives the same row to two workers claiming through one store at once", async () => {
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

describe("the outbox's dedupe key", () => {
  it.each<[string, Parameters<typeof dedupeKeyOf>[0], string]>([
    ["a reminder step", { kind: "reminder", userId: "u1", phase: "Pilot", step: "d-14" }, "reminder:u1:Pilot:d-14"],
    ["an escalation", { kind: "escalation", userId: "u1", phase: "Pilot", step: "escalation" }, "escalation:u1:Pilot:escalation"],
    ["a message with no phase or step", { kind: "notice", userId: "admin", phase: null, step: null }, "notice:admin::"],
    [
      "a message that brings its own",
      { kind: "digest", userId: "m1", phase: null, step: null, dedupeKey: "digest:m1:2026-11-23" },
      "digest:m1:2026-11-23",
    ],
  ])("is kind:user:phase:step for %s", (_name, m, key) => {
    expect(dedupeKeyOf(m)).toBe(key);
  });
});

describeEachStore("queueing on the outbox", (target) => {
  let store: Store;
  afterEach(async () => store?.close());

  const at = (i: number) => new Date(t0.getTime() + i * 60_000);
  const reminder = (userId: string, phase: string, step: string): NewMessage => ({
    kind: "reminder",
    userId,
    recipientId: userId,
    phase,
    step,
    payload: { card: "reminder" },
  });
  const escalation = (userId: string, phase: string): NewMessage => ({
    kind: "escalation",
    userId,
    recipientId: "m1",
    phase,
    step: "escalation",
    payload: { card: "escalation" },
  });

  it("queues each step of one person's phase once: the steps before, on and after the deadline, a snooze, a manual one", async () => {
    store = await target.open();
    const steps = ["d-14", "d-7", "d-3", "d-1", "d-0", "o-1", "o-2", "snooze-1", "manual-2026-11-23"];
    for (const [i, step] of steps.entries()) expect(await queueMessages(store, [reminder("u1", "Pilot", step)], at(i))).toHaveLength(1);
    for (const [i, step] of steps.entries()) expect(await queueMessages(store, [reminder("u1", "Pilot", step)], at(20 + i))).toEqual([]);
    const rows = await store.db.selectFrom("outbox").select(["dedupe_key", "step"]).orderBy("created_at").execute();
    expect(rows).toEqual(steps.map((step) => ({ dedupe_key: `reminder:u1:Pilot:${step}`, step })));
  });

  it("keeps the same step apart across phases, people and kinds", async () => {
    store = await target.open();
    const first = [
      reminder("u1", "Pilot", "d-14"),
      reminder("u1", "Everyone", "d-14"),
      reminder("u2", "Pilot", "d-14"),
      escalation("u1", "Pilot"),
    ];
    expect(await queueMessages(store, first, t0)).toHaveLength(4);
    // Planned again, with one escalation in another phase: only that one is new.
    expect(await queueMessages(store, [...first, escalation("u1", "Everyone")], at(1))).toHaveLength(1);
    const keys = await store.db.selectFrom("outbox").select("dedupe_key").orderBy("dedupe_key").execute();
    expect(keys.map((k) => k.dedupe_key)).toEqual([
      "escalation:u1:Everyone:escalation",
      "escalation:u1:Pilot:escalation",
      "reminder:u1:Everyone:d-14",
      "reminder:u1:Pilot:d-14",
      "reminder:u2:Pilot:d-14",
    ]);
  });

  it("stores each message as pending, due now unless told otherwise, and returns the ids it inserted", async () => {
    store = await target.open();
    const later = new Date(t0.getTime() + 3_600_000);
    const ids = await queueMessages(store, [escalation("u1", "Pilot"), { ...reminder("u2", "Pilot", "d-7"), notBefore: later }], t0);
    const rows = await store.db.selectFrom("outbox").selectAll().orderBy("user_id").execute();
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows).toEqual([
      {
        id: rows[0]?.id,
        dedupe_key: "escalation:u1:Pilot:escalation",
        kind: "escalation",
        user_id: "u1",
        recipient_id: "m1",
        phase: "Pilot",
        step: "escalation",
        payload: '{"card":"escalation"}',
        status: "pending",
        attempts: 0,
        not_before: t0.toISOString(),
        lease_until: null,
        claimed_by: null,
        created_at: t0.toISOString(),
        sent_at: null,
        activity_id: null,
        conversation_id: null,
        last_error: null,
      },
      expect.objectContaining({ user_id: "u2", not_before: later.toISOString(), created_at: t0.toISOString() }),
    ]);
  });

  it("queues more messages than one statement may carry, and nothing for an empty list", async () => {
    store = await target.open();
    // 3,100 rows of 11 values each is past SQLite's 32,766 bound parameters per statement.
    const many = Array.from({ length: 3100 }, (_, i) => reminder(`u${i}`, "Everyone", "d-14"));
    expect(new Set(await queueMessages(store, many, t0)).size).toBe(3100);
    expect((await countOutbox(store)).pending).toBe(3100);
    expect(await queueMessages(store, [], t0)).toEqual([]);
  });
});

describeEachStore("claiming and settling rows on the outbox", (target) => {
  let store: Store;
  afterEach(async () => store?.close());
  const plus = (ms: number) => new Date(t0.getTime() + ms);

  it("claims the rows due first, up to the limit, counting the attempt", async () => {
    store = await target.open();
    await queueMessages(store, [{ ...message("late"), notBefore: plus(2000) }], t0);
    await queueMessages(store, [{ ...message("early"), notBefore: plus(1000) }], t0);
    await queueMessages(store, [message("now")], t0);
    const claimed = await claimMessages(store, "w1", 2, plus(5000), 60_000);
    // The claim picks in that order; RETURNING gives the picked rows in no particular order.
    expect(claimed.map((r) => [r.recipient_id, r.status, r.claimed_by, r.attempts, r.lease_until]).sort()).toEqual([
      ["early", "sending", "w1", 1, plus(65_000).toISOString()],
      ["now", "sending", "w1", 1, plus(65_000).toISOString()],
    ]);
    expect((await claimMessages(store, "w2", 10, plus(5000), 60_000)).map((r) => r.recipient_id)).toEqual(["late"]);
  });

  it("among rows due at the same time, claims the lowest id first", async () => {
    store = await target.open();
    const ids = await queueMessages(store, [message("a"), message("b"), message("c"), message("d")], t0);
    const order: string[] = [];
    for (let i = 0; i < 4; i += 1) order.push(...(await claimMessages(store, "w1", 1, t0, 60_000)).map((r) => r.id));
    expect(order).toEqual([...ids].sort());
  });

  it("claims a row due exactly now, and a lease only once it has run out", async () => {
    store = await target.open();
    await queueMessages(store, [message("a")], t0);
    expect(await claimMessages(store, "w1", 10, plus(-1), 1000)).toEqual([]);
    expect(await claimMessages(store, "w1", 10, t0, 1000)).toHaveLength(1);
    expect(await claimMessages(store, "w2", 10, plus(1000), 1000)).toEqual([]);
    expect(await claimMessages(store, "w2", 10, plus(1001), 1000)).toHaveLength(1);
  });

  it("claims only the kinds asked for (notices while paused)", async () => {
    store = await target.open();
    await queueMessages(store, [message("a"), { ...message("admin"), kind: "notice" }, { ...message("m"), kind: "digest" }], t0);
    const claimed = await claimMessages(store, "w1", 10, t0, 60_000, ["notice", "digest"]);
    expect(claimed.map((r) => r.kind).sort()).toEqual(["digest", "notice"]);
    expect(await claimMessages(store, "w1", 10, t0, 60_000, ["notice"])).toEqual([]);
  });

  it("lets only the claiming worker settle a row, and keeps the last error short", async () => {
    store = await target.open();
    await queueMessages(store, [message("a"), message("b"), message("c")], t0);
    const [a, b, c] = await claimMessages(store, "w1", 3, t0, 60_000);
    const row = async (id: string | undefined) =>
      await store.db.selectFrom("outbox").selectAll().where("id", "=", id!).executeTakeFirstOrThrow();

    await markRetry(store, a!.id, "w2", plus(9000), "not mine");
    await markFinal(store, b!.id, "w2", "failed", "not mine");
    await markSent(store, c!.id, "w2", { at: t0, activityId: "x", conversationId: "y" });
    expect([(await row(a?.id)).status, (await row(b?.id)).status, (await row(c?.id)).status]).toEqual(["sending", "sending", "sending"]);

    await markRetry(store, a!.id, "w1", plus(9000), "e".repeat(1500));
    expect(await row(a?.id)).toMatchObject({
      status: "pending",
      not_before: plus(9000).toISOString(),
      lease_until: null,
      last_error: "e".repeat(1000),
    });
    await markFinal(store, b!.id, "w1", "unreachable", "u".repeat(1001));
    expect(await row(b?.id)).toMatchObject({ status: "unreachable", lease_until: null, last_error: "u".repeat(1000) });
    await markSent(store, c!.id, "w1", { at: plus(1), activityId: "act-1", conversationId: "a:c" });
    expect(await row(c?.id)).toMatchObject({
      status: "sent",
      sent_at: plus(1).toISOString(),
      activity_id: "act-1",
      conversation_id: "a:c",
      lease_until: null,
      last_error: null,
    });
  });

  it("counts rows by status, zero for the statuses no row has", async () => {
    store = await target.open();
    expect(await countOutbox(store)).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0, unreachable: 0, cancelled: 0 });
    await queueMessages(store, [message("a"), message("b"), message("c")], t0);
    const [a] = await claimMessages(store, "w1", 1, t0, 60_000);
    await markSent(store, a!.id, "w1", { at: t0, activityId: "x", conversationId: "y" });
    await claimMessages(store, "w1", 1, t0, 60_000);
    expect(await countOutbox(store)).toEqual({ pending: 1, sending: 1, sent: 1, failed: 0, unreachable: 0, cancelled: 0 });
  });

  it("says when the next row becomes ready: a pending row's time, or a claim's lease", async () => {
    store = await target.open();
    expect(await nextReadyAt(store)).toBeUndefined();
    await queueMessages(
      store,
      [
        { ...message("a"), notBefore: plus(50_000) },
        { ...message("b"), kind: "notice", notBefore: plus(90_000) },
      ],
      t0,
    );
    await queueMessages(store, [message("c")], t0);
    expect(await nextReadyAt(store)).toEqual(t0);
    // c is claimed: its lease (t0 + 30 s) is when it could be claimed again.
    await claimMessages(store, "w1", 1, t0, 30_000);
    expect(await nextReadyAt(store)).toEqual(plus(30_000));
    expect(await nextReadyAt(store, ["notice"])).toEqual(plus(90_000));
    expect(await nextReadyAt(store, ["digest"])).toBeUndefined();
  });

  it("is idle once every row is settled", async () => {
    store = await target.open();
    await queueMessages(store, [message("a")], t0);
    const [a] = await claimMessages(store, "w1", 1, t0, 60_000);
    await markFinal(store, a!.id, "w1", "cancelled", "the person registered");
    expect(await nextReadyAt(store)).toBeUndefined();
  });
});
