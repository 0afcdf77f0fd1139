import { afterEach, beforeEach, expect, it } from "vitest";
import { recordAudit } from "../../src/store/audit-log.js";
import { cancelPendingMessages } from "../../src/store/cancel-pending-messages.js";
import type { Store } from "../../src/store/open-store.js";
import { queueMessages, type NewMessage } from "../../src/store/outbox.js";
import { queueWithDeadlines } from "../../src/store/queue-with-deadlines.js";
import { countActions, readAuditOf, readLastActionTimes, readSubjectsSince } from "../../src/store/read-audit.js";
import { isQueued, readMessage } from "../../src/store/read-message.js";
import { countFailedSince, countSentByKind, readMessagesAbout, wasEscalated } from "../../src/store/read-outbox.js";
import { readSendingClaims, releaseSendingClaims } from "../../src/store/sending-claims.js";
import { describeEachStore } from "../support/test-stores.js";

const t0 = Date.parse("2026-11-03T09:00:00Z");
const at = (hours: number) => new Date(t0 + hours * 3_600_000);

const reminder = (userId: string, step: string): NewMessage => ({
  kind: "reminder",
  userId,
  recipientId: userId,
  phase: "Pilot",
  step,
  payload: { step },
});

/*
 * The queries that used to sit outside src/store, each by its name, on both stores: the counts
 * especially, which PostgreSQL hands back as text.
 */
describeEachStore("the store's named queries", (target) => {
  let store: Store;
  let ids: string[];

  beforeEach(async () => {
    store = await target.open();
    ids = await queueMessages(
      store,
      [
        reminder("u1", "d14"),
        reminder("u1", "d7"),
        reminder("u2", "d14"),
        { kind: "escalation", userId: "u2", recipientId: "m1", phase: "Pilot", step: "e1", payload: {} },
        {
          kind: "notice",
          userId: "admins",
          recipientId: "admins",
          phase: null,
          step: null,
          payload: {},
          dedupeKey: "adminReport:2026-11-03",
        },
      ],
      at(0),
    );
    // u1's d14 went out, u2's d14 failed for good, u2's escalation went out; u1's d7 and the notice wait.
    const set = (id: string | undefined, status: "sent" | "failed" | "sending", claimedBy: string | null = null) =>
      store.db
        .updateTable("outbox")
        .set({ status, claimed_by: claimedBy })
        .where("id", "=", id ?? "")
        .execute();
    await set(ids[0], "sent");
    await set(ids[2], "failed");
    await set(ids[3], "sent");
  });
  afterEach(async () => store?.close());

  it("reads one message by id, and knows a dedupe key once queued", async () => {
    expect((await readMessage(store, ids[1] ?? ""))?.step).toBe("d7");
    expect(await readMessage(store, "nothing")).toBeUndefined();
    expect([await isQueued(store, "adminReport:2026-11-03"), await isQueued(store, "adminReport:2026-11-04")]).toEqual([true, false]);
  });

  it("counts sent messages by kind and failures since a moment", async () => {
    expect(Object.fromEntries(await countSentByKind(store))).toEqual({ reminder: 1, escalation: 1 });
    expect(await countFailedSince(store, at(-1).toISOString())).toBe(1);
    expect(await countFailedSince(store, at(1).toISOString())).toBe(0);
  });

  it("lists the messages about a person, and whether their manager was told", async () => {
    expect((await readMessagesAbout(store, "u2")).map((m) => [m.kind, m.status, m.recipient_id]).sort()).toEqual([
      ["escalation", "sent", "m1"],
      ["reminder", "failed", "u2"],
    ]);
    expect([await wasEscalated(store, "u2"), await wasEscalated(store, "u1")]).toEqual([true, false]);
  });

  it("cancels only what is still pending for one person", async () => {
    await cancelPendingMessages(store, "u1", "registered");
    const rows = await store.db.selectFrom("outbox").select(["step", "status", "last_error"]).where("user_id", "=", "u1").execute();
    expect(rows.sort((a, b) => (a.step ?? "").localeCompare(b.step ?? ""))).toEqual([
      { step: "d14", status: "sent", last_error: null },
      { step: "d7", status: "cancelled", last_error: "registered" },
    ]);
  });

  it("reads the claims being sent, and releases only those still being sent", async () => {
    await store.db
      .updateTable("outbox")
      .set({ status: "sending", claimed_by: "host:123:w" })
      .where("id", "=", ids[1] ?? "")
      .execute();
    expect(await readSendingClaims(store)).toEqual([{ id: ids[1], claimedBy: "host:123:w" }]);
    await releaseSendingClaims(store, [ids[1] ?? "", ids[0] ?? ""], at(2));
    const rows = await store.db
      .selectFrom("outbox")
      .select(["id", "status", "not_before"])
      .where("id", "in", [ids[0] ?? "", ids[1] ?? ""])
      .execute();
    expect(rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))).toEqual([
      { id: ids[0], status: "sent", not_before: at(0).toISOString() },
      { id: ids[1], status: "pending", not_before: at(2).toISOString() },
    ]);
  });

  it("queues messages with the deadlines they fix in one go, keeping a deadline already fixed", async () => {
    const deadline = (userId: string, date: string) => ({
      user_id: userId,
      phase: "Everyone",
      deadline: date,
      set_at: at(3).toISOString(),
    });
    expect(await queueWithDeadlines(store, [reminder("u3", "d14")], [deadline("u3", "2026-11-17")], at(3))).toBe(1);
    expect(await queueWithDeadlines(store, [reminder("u3", "d14")], [deadline("u3", "2026-11-24")], at(4))).toBe(0);
    const fixed = await store.db.selectFrom("phase_deadlines").select(["user_id", "deadline"]).execute();
    expect(fixed).toEqual([{ user_id: "u3", deadline: "2026-11-17" }]);
  });

  it("reads the audit log by action, by person and by last action", async () => {
    const audit = (hours: number, action: string, subjectId: string) =>
      recordAudit(store, at(hours), { actorKind: "system", action, subjectId });
    await audit(0, "person.unreachable", "u1");
    await audit(5, "person.unreachable", "u2");
    await audit(6, "person.unreachable", "u2");
    await audit(7, "person.snoozed", "u1");
    await audit(8, "person.snoozed", "u3");
    expect((await readSubjectsSince(store, "person.unreachable", at(1).toISOString())).sort()).toEqual(["u2"]);
    expect(Object.fromEntries(await countActions(store, ["person.snoozed", "person.askedForHelp"]))).toEqual({
      "person.snoozed": 2,
      "person.askedForHelp": 0,
    });
    expect(Object.fromEntries(await readLastActionTimes(store, ["u1", "u2", "u9"]))).toEqual({
      u1: at(7).toISOString(),
      u2: at(6).toISOString(),
    });
    expect((await readAuditOf(store, "u1")).map((a) => a.action).sort()).toEqual(["person.snoozed", "person.unreachable"]);
  });
});
