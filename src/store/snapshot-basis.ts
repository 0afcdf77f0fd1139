import type { Store } from "./open-store.js";
import { currentSnapshot } from "./sync-runs.js";

/** What the next sync builds on: the current snapshot, when each source was last read in full, the deltaLink. */
export interface SnapshotBasis {
  readonly snapshotId: string;
  /** Pages the last full read of the report took: what reading it in full again would cost. */
  readonly fullReportPages: number;
  readonly deltaLink: string | null;
  /** When the last complete run that read the whole report started; ms since the epoch. */
  readonly fullReportReadAt: number | undefined;
  readonly fullDirectoryReadAt: number | undefined;
}

/** Undefined before the first complete sync: then everything is read in full. */
export async function readSnapshotBasis(store: Store): Promise<SnapshotBasis | undefined> {
  const current = await currentSnapshot(store);
  if (!current) return undefined;
  const lastFull = (column: "report_read" | "directory_read") =>
    store.db
      .selectFrom("sync_runs")
      .select(["started_at", "report_pages"])
      .where("status", "=", "complete")
      .where(column, "=", "full")
      .orderBy("started_at", "desc")
      .limit(1)
      .executeTakeFirst();
  const report = await lastFull("report_read");
  const directory = await lastFull("directory_read");
  return {
    snapshotId: current.id,
    fullReportPages: report?.report_pages ?? 0,
    deltaLink: current.delta_link,
    fullReportReadAt: report ? Date.parse(report.started_at) : undefined,
    fullDirectoryReadAt: directory ? Date.parse(directory.started_at) : undefined,
  };
}
