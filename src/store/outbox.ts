import { randomUUID } from "node:crypto";
import { sql, type Selectable } from "kysely";
import type { Store } from "./open-store.js";
import type { OutboxKind, OutboxStatus, OutboxTable } from "./schema.js";

export type OutboxRow = Selectable<OutboxTable>;

export interface NewMessage {
  readonly kind: OutboxKind;
  readonly userId: string;
  readonly recipientId: string;
  readonly phase: string | null;
  readonly step: string | null;
  readonly payload: unknown;
  readonly notBefore?: Date;
  /** Overrides the default key `kind:user:phase:step`, for messages that are not steps. */
  readonly dedupeKey?: string;
}

export function dedupeKeyOf(m: Pick<NewMessage, "kind" | "userId" | "phase" | "step" | "dedupeKey">): string {
  return m.dedupeKey ?? `${m.kind}:${m.userId}:${m.phase ?? ""}:${m.step ?? ""}`;
}

/**
 * Queues messages. The dedupe key is unique, so queueing a step that is already queued (a second
 * run, a restart mid-run, a second instance) inserts nothing: that is what keeps "never twice".
 * Returns the ids of the rows actually inserted.
 */
export async function queueMessages(store: Store, messages: readonly NewMessage[], now: Date): Promise<string[]> {
  const inserted: string[] = [];
  for (let i = 0; i < messages.length; i += 200) {
    const rows = messages.slice(i, i + 200).map((m) => ({
      id: randomUUID(),
      dedupe_key: dedupeKeyOf(m),
      kind: m.kind,
      user_id: m.userId,
      recipient_id: m.recipientId,
      phase: m.phase,
      step: m.step,
      payload: JSON.stringify(m.payload),
      status: "pending" as const,
      not_before: (m.notBefore ?? now).toISOString(),
      created_at: now.toISOString(),
    }));
    const result = await store.db
      .insertInto("outbox")
      .values(rows)
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning("id")
      .execute();
    inserted.push(...result.map((r) => r.id));
  }
  return inserted;
}

/**
 * Claims up to `limit` rows ready to send: pending ones whose time has come, and ones another
 * worker claimed but whose lease ran out (it died mid-send). On PostgreSQL, `FOR UPDATE SKIP
 * LOCKED` lets several instances claim side by side without ever taking the same row; SQLite
 * has one writer at a time, so the same statement is atomic there without it.
 */
export async function claimMessages(
  store: Store,
  worker: string,
  limit: number,
  now: Date,
  leaseMs: number,
  onlyKinds?: readonly OutboxKind[],
): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const kinds = onlyKinds ? sql`and kind in (${sql.join(onlyKinds)})` : sql``;
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const lock = store.dialect === "postgres" ? sql`for update skip locked` : sql``;
  const result = await sql<OutboxRow>`
    update outbox set status = 'sending', claimed_by = ${worker}, lease_until = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select id from outbox
      where ((status = 'pending' and not_before <= ${at}) or (status = 'sending' and lease_until < ${at})) ${kinds}
      order by not_before, id
      limit ${limit}
      ${lock}
    )
    returning *`.execute(store.db);
  return result.rows;
}

export async function markSent(
  store: Store,
  id: string,
  worker: string,
  sent: { at: Date; activityId: string; conversationId: string },
): Promise<void> {
  await store.db
    .updateTable("outbox")
    .set({
      status: "sent",
      sent_at: sent.at.toISOString(),
      activity_id: sent.activityId,
      conversation_id: sent.conversationId,
      lease_until: null,
      last_error: null,
    })
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .execute();
}

/** Puts a row back to wait until `notBefore` (a throttled or failed try that may succeed later). */
export async function markRetry(store: Store, id: string, worker: string, notBefore: Date, error: string): Promise<void> {
  await store.db
    .updateTable("outbox")
    .set({ status: "pending", not_before: notBefore.toISOString(), lease_until: null, last_error: error.slice(0, 1000) })
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .execute();
}

/** Hands a claimed row back untried (the run stopped before sending it): pending, and its claim not counted as a try. */
export async function releaseClaim(store: Store, id: string, worker: string): Promise<void> {
  await store.db
    .updateTable("outbox")
    .set((eb) => ({ status: "pending", lease_until: null, attempts: eb("attempts", "-", 1) }))
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .where("status", "=", "sending")
    .execute();
}

/**
 * Puts a row back that could not be tried because the setup is broken (a Graph permission, the
 * app's catalog id): the try is not counted against it, since nothing about the message failed.
 */
export async function markHeld(store: Store, id: string, worker: string, notBefore: Date, problem: string): Promise<void> {
  await store.db
    .updateTable("outbox")
    .set((eb) => ({
      status: "pending",
      not_before: notBefore.toISOString(),
      lease_until: null,
      attempts: eb(eb.ref("attempts"), "-", 1),
      last_error: `held: ${problem}`.slice(0, 1000),
    }))
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .execute();
}

/** Makes held rows ready now: a campaign run tries them again, in case the setup has been fixed since. */
export async function releaseHeld(store: Store, now: Date): Promise<number> {
  const result = await store.db
    .updateTable("outbox")
    .set({ not_before: now.toISOString() })
    .where("status", "=", "pending")
    .where("last_error", "like", "held: %")
    .where("not_before", ">", now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markFinal(
  store: Store,
  id: string,
  worker: string,
  status: Extract<OutboxStatus, "failed" | "unreachable" | "cancelled">,
  error: string,
): Promise<void> {
  await store.db
    .updateTable("outbox")
    .set({ status, lease_until: null, last_error: error.slice(0, 1000) })
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .execute();
}

/** Rows by status: what is left to drain, what failed. */
export async function countOutbox(store: Store): Promise<Record<OutboxStatus, number>> {
  const rows = await store.db
    .selectFrom("outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, unreachable: 0, cancelled: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** The earliest instant a pending row becomes ready, if any. */
export async function nextReadyAt(store: Store, onlyKinds?: readonly OutboxKind[]): Promise<Date | undefined> {
  const row = await store.db
    .selectFrom("outbox")
    .select((eb) =>
      eb.fn.min<string>(eb.fn.coalesce(sql<string>`case when status = 'sending' then lease_until end`, "not_before")).as("at"),
    )
    .where("status", "in", ["pending", "sending"])
    .$if(onlyKinds !== undefined, (q) => q.where("kind", "in", onlyKinds ?? []))
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : undefined;
}

/**
 * Hands back, untried, every row still claimed by a sender whose worker id starts with `prefix`
 * (this process's, at shutdown, once the sends under way have had their time). Returns how many.
 */
export async function releaseClaimsOf(store: Store, prefix: string, now: Date): Promise<number> {
  const result = await store.db
    .updateTable("outbox")
    .set((eb) => ({
      status: "pending",
      lease_until: null,
      not_before: now.toISOString(),
      attempts: eb("attempts", "-", 1),
      last_error: "released: its sender shut down",
    }))
    .where("status", "=", "sending")
    .where(sql<boolean>`substr(claimed_by, 1, ${prefix.length}) = ${prefix}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
