import type { Store } from "./open-store.js";

export interface SendingClaim {
  readonly id: string;
  /** `host:pid:…` of the worker that claimed it. */
  readonly claimedBy: string | null;
}

/** Every row claimed for sending right now, with who claimed it. */
export async function readSendingClaims(store: Store): Promise<SendingClaim[]> {
  const rows = await store.db.selectFrom("outbox").select(["id", "claimed_by"]).where("status", "=", "sending").execute();
  return rows.map((r) => ({ id: r.id, claimedBy: r.claimed_by }));
}

/** Puts claimed rows back to pending, ready now; a row no longer being sent is left as it is. */
export async function releaseSendingClaims(store: Store, ids: readonly string[], now: Date): Promise<void> {
  // 500 ids per statement stays well under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < ids.length; i += 500) {
    await store.db
      .updateTable("outbox")
      .set({ status: "pending", lease_until: null, not_before: now.toISOString(), last_error: "released: its sender stopped mid-send" })
      .where("id", "in", ids.slice(i, i + 500))
      .where("status", "=", "sending")
      .execute();
  }
}
