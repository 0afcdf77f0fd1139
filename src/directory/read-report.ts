import type { Logger } from "pino";
import type { GraphClient } from "../graph/client/graph-client.js";
import { parseRegistrationDetails } from "../graph/parse-graph-rows.js";
import type { RegistrationDetails } from "../graph/registration-details.js";
import { notMfaRegistered, readRegistrationDetailsOf, readRegistrationDetailsPages } from "../graph/reports.js";
import { carryRows, clearRows, deleteRegistrations, readUnregisteredIds } from "../store/carry-snapshot.js";
import type { Store } from "../store/open-store.js";
import { insertRegistrations } from "../store/snapshot-rows.js";
import type { SnapshotBasis } from "../store/snapshot-basis.js";

export interface ReportReading {
  readonly graph: GraphClient;
  readonly store: Store;
  readonly runId: string;
  readonly log: Logger;
  /** Called after each stored page: rows kept and rows Graph sent that had no id. */
  readonly onPage: (kept: number, skipped: number, page: number) => Promise<void>;
  /** Whether the other readers have failed: then this one stops after its page. */
  readonly stopped: () => boolean;
}

export interface ReportOutcome {
  readonly read: "full" | "filtered";
  /** People who left the "not registered" list and whom the report now shows registered. */
  readonly newlyRegistered: number;
}

/** The whole report into the new snapshot. */
export async function readFullReport(reading: ReportReading): Promise<ReportOutcome> {
  for await (const page of readRegistrationDetailsPages(reading.graph, topRefused(reading.log))) {
    if (reading.stopped()) break;
    await keepRows(reading, page.value, page.number);
  }
  return { read: "full", newlyRegistered: 0 };
}

/**
 * Between full reads: the last snapshot's rows carried over, then only the rows Graph filters to
 * "not registered" read and stored over them. Whoever was on that list last time and is not now
 * has either registered or left the report: their own row (one request each) says which, and a
 * row that is gone is dropped, so nobody is ever taken for registered without the report saying
 * so. When those lookups would cost more requests than a full read, the full read is taken instead.
 * What this read cannot see, and the next full read (or the person's own "I've done it") does:
 * - someone the report did not list yet (a new hire) who registered before it listed them: they
 *   stay without a row, so not registered, never the other way round;
 * - changes to people already registered: methods added, an admin role granted since.
 */
export async function readFilteredReport(reading: ReportReading, basis: SnapshotBasis): Promise<ReportOutcome> {
  const { graph, store, runId } = reading;
  await carryRows(store, "registrations", basis.snapshotId, runId);
  const waiting = await readUnregisteredIds(store, basis.snapshotId);
  let pages = 0;
  for await (const page of readRegistrationDetailsPages(graph, topRefused(reading.log), notMfaRegistered)) {
    if (reading.stopped()) return { read: "filtered", newlyRegistered: 0 };
    const rows = await keepRows(reading, page.value, page.number);
    for (const row of rows) waiting.delete(row.userId);
    pages = page.number;
  }
  const left = [...waiting];
  if (left.length > basis.fullReportPages - pages) {
    reading.log.info(
      { left: left.length, fullReportPages: basis.fullReportPages },
      "many left the not-registered list; reading the whole report instead",
    );
    await clearRows(store, "registrations", runId);
    return readFullReport({ ...reading, onPage: (kept, skipped, page) => reading.onPage(kept, skipped, pages + page) });
  }
  let newlyRegistered = 0;
  for (const id of left) {
    if (reading.stopped()) break;
    const row = parseRegistrationDetails(await readRegistrationDetailsOf(graph, id));
    if (row) {
      await insertRegistrations(store, runId, [row]);
      if (row.isMfaRegistered) newlyRegistered += 1;
    } else {
      await deleteRegistrations(store, runId, [id]);
    }
  }
  return { read: "filtered", newlyRegistered };
}

async function keepRows(reading: ReportReading, values: readonly unknown[], page: number): Promise<RegistrationDetails[]> {
  const rows = values.map(parseRegistrationDetails).filter((r) => r !== undefined);
  await insertRegistrations(reading.store, reading.runId, rows);
  await reading.onPage(rows.length, values.length - rows.length, page);
  return rows;
}

function topRefused(log: Logger): () => void {
  return () => log.warn("the registration report refused $top=999; reading its default page size instead");
}
