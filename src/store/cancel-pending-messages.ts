import type { Store } from "./open-store.js";

/** Cancels what is still queued for a person (they registered), with the reason as the row's last error. */
export async function cancelPendingMessages(store: Store, userId: string, reason: string): Promise<void> {
  await store.db
    .updateTable("outbox")
    .set({ status: "cancelled", last_error: reason })
    .where("user_id", "=", userId)
    .where("status", "=", "pending")
    .execute();
}
