import type { Store } from "./open-store.js";
import type { OutboxRow } from "./outbox.js";

/** One queued or sent message by its id: the row a button's card was rendered from. */
export async function readMessage(store: Store, id: string): Promise<OutboxRow | undefined> {
  return store.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Whether a message with this dedupe key was ever queued (a once-a-day report, say). */
export async function isQueued(store: Store, dedupeKey: string): Promise<boolean> {
  const row = await store.db.selectFrom("outbox").select("id").where("dedupe_key", "=", dedupeKey).executeTakeFirst();
  return row !== undefined;
}
