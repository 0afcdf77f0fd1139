import type { SnapshotBasis } from "../store/snapshot-basis.js";

/** How often each source is read in full; in between, only what may have changed. */
export interface SyncSchedule {
  /** The whole registration report at most this often (FULL_REPORT_READ_EVERY). */
  readonly fullReportEveryMs: number;
  /** The whole directory at least this often (FULL_DIRECTORY_READ_EVERY); else /users/delta from the stored deltaLink. */
  readonly fullDirectoryEveryMs: number;
}

export const defaultSyncSchedule: SyncSchedule = { fullReportEveryMs: 86_400_000, fullDirectoryEveryMs: 7 * 86_400_000 };

export interface SyncReads {
  readonly report: "full" | "filtered";
  readonly directory: "full" | "delta";
}

/**
 * Which reads a sync takes: in full the first time, on demand (`full`), and once a source's last
 * full read is as old as the schedule allows; otherwise the filtered report and the directory's
 * changes. Pure, so the rule is tested by a table.
 */
export function chooseReads(basis: SnapshotBasis | undefined, schedule: SyncSchedule, now: number, full: boolean): SyncReads {
  if (!basis || full) return { report: "full", directory: "full" };
  const due = (at: number | undefined, every: number) => at === undefined || now - at >= every;
  return {
    report: due(basis.fullReportReadAt, schedule.fullReportEveryMs) ? "full" : "filtered",
    directory: basis.deltaLink === null || due(basis.fullDirectoryReadAt, schedule.fullDirectoryEveryMs) ? "full" : "delta",
  };
}
