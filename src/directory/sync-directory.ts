import type { Logger } from "pino";
import type { SyncCounts } from "../store/complete-sync-run.js";
import { completeSyncRun } from "../store/complete-sync-run.js";
import type { Store } from "../store/open-store.js";
import { insertGroupMembers } from "../store/snapshot-rows.js";
import { readSnapshotBasis } from "../store/snapshot-basis.js";
import { beginSyncRun, failSyncRun, pruneSnapshots, recordSyncProgress } from "../store/sync-runs.js";
import type { Clock } from "../time/clock.js";
import type { GraphClient } from "../graph/client/graph-client.js";
import { readGroupUserIds } from "../graph/groups.js";
import { chooseReads, defaultSyncSchedule, type SyncSchedule } from "./choose-reads.js";
import { readFilteredReport, readFullReport, type ReportOutcome } from "./read-report.js";
import { readDirectoryChanges, readFullDirectory, type DirectoryOutcome } from "./read-directory.js";

export type SyncStream = "report" | "users" | "groups";

export interface SyncPageEvent {
  readonly stream: SyncStream;
  readonly counts: SyncCounts;
}

export interface SyncDirectoryOptions {
  readonly graph: GraphClient;
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  readonly onPage?: (event: SyncPageEvent) => void;
  /** Groups whose transitive members the campaign needs (pilot, exclusions, admins). */
  readonly groupIds?: readonly string[];
  /** How often each source is read in full; default: the report daily, the directory weekly. */
  readonly schedule?: SyncSchedule;
  /** Read both sources in full now (`sync --full`). */
  readonly full?: boolean;
}

export interface SyncSummary extends SyncCounts {
  readonly runId: string;
  readonly elapsedMs: number;
  /** Rows Graph sent that could not be used (no id): a sign of a proxy or API change. */
  readonly skipped: number;
  readonly reportRead: ReportOutcome["read"];
  readonly directoryRead: DirectoryOutcome["read"];
  /** People who left the report's "not registered" list since the last sync and are registered now. */
  readonly newlyRegistered: number;
}

/**
 * Reads the registration report, the directory and the campaign's groups side by side, page by
 * page, into a new snapshot, and makes it current only once all are complete. A failure leaves the
 * previous snapshot current and this one marked failed. Between full reads (see chooseReads) the new
 * snapshot starts as a copy of the last one and only what may have changed is read: the report's
 * not-registered rows and the directory's changes since the stored deltaLink.
 */
export async function syncDirectory(options: SyncDirectoryOptions): Promise<SyncSummary> {
  const { graph, store, clock, log } = options;
  const started = clock.now();
  const basis = await readSnapshotBasis(store);
  const reads = chooseReads(basis, options.schedule ?? defaultSyncSchedule, started, options.full ?? false);
  const runId = await beginSyncRun(store, new Date(started));
  const runLog = log.child({ syncRun: runId });
  const counts = { users: 0, registrations: 0, report_pages: 0, user_pages: 0 };
  let skipped = 0;
  let failed = false;
  runLog.info(reads, "sync started");

  const afterPage = async (stream: SyncStream) => {
    await recordSyncProgress(store, runId, new Date(clock.now()), counts);
    options.onPage?.({ stream, counts: { ...counts } });
  };
  const stopped = () => failed;

  /** What both readers are given: the run, and where each page they store is counted. */
  const readingFor = (stream: SyncStream) => ({
    graph,
    store,
    runId,
    log: runLog,
    stopped,
    onPage: async (stored: number, unusable: number, page: number) => {
      if (stream === "report") {
        counts.registrations += stored;
        counts.report_pages = page;
      } else {
        counts.users += stored;
        counts.user_pages = page;
      }
      skipped += unusable;
      await afterPage(stream);
    },
  });

  const readReport = (): Promise<ReportOutcome> => {
    const reading = readingFor("report");
    return reads.report === "filtered" && basis ? readFilteredReport(reading, basis) : readFullReport(reading);
  };

  const readUsers = (): Promise<DirectoryOutcome> => {
    const reading = readingFor("users");
    return reads.directory === "delta" && basis?.deltaLink
      ? readDirectoryChanges(reading, { ...basis, deltaLink: basis.deltaLink })
      : readFullDirectory(reading);
  };

  const readGroups = async () => {
    for (const groupId of options.groupIds ?? []) {
      for await (const users of readGroupUserIds(graph, groupId)) {
        if (failed) return;
        await insertGroupMembers(store, runId, groupId.toLowerCase(), users);
        await afterPage("groups");
      }
    }
  };

  let report: ReportOutcome;
  let directory: DirectoryOutcome;
  try {
    // The readers stop after their current page once any fails, and all are awaited, so
    // nothing is still writing when the run is marked failed.
    const stopOnFailure = <T>(reading: Promise<T>) =>
      reading.catch((error: unknown) => {
        failed = true;
        throw error;
      });
    const results = await Promise.allSettled([stopOnFailure(readReport()), stopOnFailure(readUsers()), stopOnFailure(readGroups())]);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (rejected) throw rejected.reason;
    report = (results[0] as PromiseFulfilledResult<ReportOutcome>).value;
    directory = (results[1] as PromiseFulfilledResult<DirectoryOutcome>).value;
    await completeSyncRun(store, runId, new Date(clock.now()), counts, {
      report_read: report.read,
      directory_read: directory.read,
      delta_link: directory.deltaLink ?? null,
    });
  } catch (error) {
    failed = true;
    await failSyncRun(store, runId, new Date(clock.now()), (error as Error).message);
    // The caller reports the error itself (logged once, at the boundary); this records where it stopped.
    runLog.info({ ...counts, code: (error as { code?: string }).code }, "sync failed; the previous snapshot stays current");
    throw error;
  }
  await pruneSnapshots(store);
  const summary = {
    runId,
    ...counts,
    skipped,
    elapsedMs: clock.now() - started,
    reportRead: report.read,
    directoryRead: directory.read,
    newlyRegistered: report.newlyRegistered,
  };
  runLog.info(summary, "sync complete");
  return summary;
}
