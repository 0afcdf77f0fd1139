import type { Insertable } from "kysely";
import type { Store } from "./open-store.js";
import type { SyncRunTable } from "./schema.js";

export interface SyncCounts {
  readonly users: number;
  readonly registrations: number;
  readonly report_pages: number;
  readonly user_pages: number;
}

/**
 * Makes a fully written snapshot the current one, in one transaction: readers switch from the
 * previous snapshot to this one all at once, never seeing half of it. Also records who was seen
 * registered for the first time. (The day's figures are the campaign's, written by its run.)
 */
export async function completeSyncRun(
  store: Store,
  id: string,
  now: Date,
  counts: SyncCounts,
  reads: Pick<Insertable<SyncRunTable>, "report_read" | "directory_read" | "delta_link"> = {},
): Promise<void> {
  const at = now.toISOString();
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("registration_firsts")
      .columns(["user_id", "first_seen_registered_at"])
      .expression((eb) =>
        eb
          .selectFrom("registrations")
          .select((s) => ["user_id", s.val(at).as("first_seen_registered_at")])
          .where("snapshot_id", "=", id)
          .where("is_mfa_registered", "=", 1),
      )
      .onConflict((oc) => oc.column("user_id").doNothing())
      .execute();
    await trx
      .updateTable("sync_runs")
      .set({ ...counts, ...reads, status: "complete", finished_at: at, heartbeat_at: at })
      .where("id", "=", id)
      .execute();
  });
}
