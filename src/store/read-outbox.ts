import type { Store } from "./open-store.js";
import type { OutboxRow } from "./outbox.js";
import type { OutboxKind } from "./schema.js";

export type MessageHistoryRow = Pick<OutboxRow, "kind" | "step" | "status" | "created_at" | "sent_at" | "recipient_id">;

/** Every message about one person (reminders to them, escalations to their manager), in no particular order. */
export async function readMessagesAbout(store: Store, userId: string): Promise<MessageHistoryRow[]> {
  return store.db
    .selectFrom("outbox")
    .select(["kind", "step", "status", "created_at", "sent_at", "recipient_id"])
    .where("user_id", "=", userId)
    .execute();
}

/** Whether a manager was ever told about this person. */
export async function wasEscalated(store: Store, userId: string): Promise<boolean> {
  const row = await store.db
    .selectFrom("outbox")
    .select("id")
    .where("user_id", "=", userId)
    .where("kind", "=", "escalation")
    .executeTakeFirst();
  return row !== undefined;
}

/** How many messages created since a moment (ISO text) failed for good. */
export async function countFailedSince(store: Store, since: string): Promise<number> {
  const row = await store.db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("status", "=", "failed")
    .where("created_at", ">", since)
    .executeTakeFirst();
  // PostgreSQL answers count(*) as a bigint, which pg hands over as text.
  return Number(row?.n ?? 0);
}

/** How many messages of each kind were sent; a kind never sent counts 0. */
export async function countSentByKind(store: Store): Promise<Map<OutboxKind, number>> {
  const rows = await store.db
    .selectFrom("outbox")
    .select(["kind", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("status", "=", "sent")
    .groupBy("kind")
    .execute();
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

/** How many sign-in help cards were sent (reminders whose step is signin-<day>). */
export async function countSentSignInHelp(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("status", "=", "sent")
    .where("kind", "=", "reminder")
    .where("step", "like", "signin-%")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type SentMessageRow = Pick<OutboxRow, "activity_id" | "kind" | "payload" | "step" | "status" | "recipient_id" | "user_id">;

/** Every message in the outbox with what a report of who received what needs. */
export async function readAllMessages(store: Store): Promise<SentMessageRow[]> {
  return store.db.selectFrom("outbox").select(["activity_id", "kind", "payload", "step", "status", "recipient_id", "user_id"]).execute();
}
