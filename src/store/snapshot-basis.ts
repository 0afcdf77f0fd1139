import type { Store } from "./open-store.js";
import { currentSnapshot } from "./sync-runs.js";

/** What the next sync builds on: the current snapshot, when each source was last read in full, the deltaLink. */
export interface SnapshotBasis {
  readonly snapshotId: string;
  /** Rows the current snapshot holds from the registration report (sizes a full read). */
  readonly registrations: number;
  readonly deltaLink: string | null;
  /** When the last complete run that read the whole report started; ms since the epoch. */
  readonly fullReportReadAt: number | undefined;
  readonly fullDirectoryReadAt: number | undefined;
}

/** Undefined before the first complete sync: then everything is read in full. */
export async function readSnapshotBasis(store: Store): Promise<SnapshotBasis | undefined> {
  const current = await currentSnapshot(store);
  if (!current) return undefined;
  const lastFull = async (column: "report_read" | "directory_read") => {
    const row = await store.db
      .selectFrom("sync_runs")
      .select((eb) => eb.fn.max("started_at").as("at"))
      .where("status", "=", "complete")
      .where(column, "=", "full")
      .executeTakeFirst();
    return row?.at ? Date.parse(row.at) : undefined;
  };
  const count = await store.db
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("snapshot_id", "=", current.id)
    .executeTakeFirst();
  return {
    snapshotId: current.id,
    registrations: Number(count?.n ?? 0),
    deltaLink: current.delta_link,
    fullReportReadAt: await lastFull("report_read"),
    fullDirectoryReadAt: await lastFull("directory_read"),
  };
}
