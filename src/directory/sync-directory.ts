import type { Logger } from "pino";
import type { SyncCounts } from "../store/complete-sync-run.js";
import { completeSyncRun } from "../store/complete-sync-run.js";
import type { Store } from "../store/open-store.js";
import { insertDirectoryUsers, insertGroupMembers, insertRegistrations } from "../store/snapshot-rows.js";
import { beginSyncRun, failSyncRun, pruneSnapshots, recordSyncProgress } from "../store/sync-runs.js";
import type { Clock } from "../time/clock.js";
import type { GraphClient } from "../graph/client/graph-client.js";
import { readGroupUserIds } from "../graph/groups.js";
import { readRegistrationDetailsPages } from "../graph/reports.js";
import { readUsersDeltaPages } from "../graph/users.js";
import { parseDirectoryUser, parseRegistrationDetails } from "../graph/parse-graph-rows.js";

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
}

export interface SyncSummary extends SyncCounts {
  readonly runId: string;
  readonly elapsedMs: number;
  /** Rows Graph sent that could not be used (no id): a sign of a proxy or API change. */
  readonly skipped: number;
}

/**
 * Reads the registration report, the directory and the campaign's groups side by side, page by page, into a new
 * snapshot, and makes it current only once both are complete. A failure leaves the previous
 * snapshot current and this one marked failed.
 */
export async function syncDirectory(options: SyncDirectoryOptions): Promise<SyncSummary> {
  const { graph, store, clock, log } = options;
  const started = clock.now();
  const runId = await beginSyncRun(store, new Date(started));
  const runLog = log.child({ syncRun: runId });
  const counts = { users: 0, registrations: 0, report_pages: 0, user_pages: 0 };
  let skipped = 0;
  let failed = false;
  runLog.info("sync started");

  const afterPage = async (stream: SyncStream) => {
    await recordSyncProgress(store, runId, new Date(clock.now()), counts);
    options.onPage?.({ stream, counts: { ...counts } });
  };

  const readReport = async () => {
    const topRefused = () => runLog.warn("the registration report refused $top=999; reading its default page size instead");
    for await (const page of readRegistrationDetailsPages(graph, topRefused)) {
      if (failed) return;
      const rows = page.value.map(parseRegistrationDetails).filter((r) => r !== undefined);
      skipped += page.value.length - rows.length;
      await insertRegistrations(store, runId, rows);
      counts.registrations += rows.length;
      counts.report_pages = page.number;
      await afterPage("report");
    }
  };

  const readUsers = async () => {
    for await (const page of readUsersDeltaPages(graph)) {
      if (failed) return;
      const users = page.value.map(parseDirectoryUser).filter((u) => u !== undefined);
      // Delta marks deleted objects with @removed; those are expected, not skipped.
      skipped += page.value.filter((v) => !(typeof v === "object" && v !== null && "@removed" in v)).length - users.length;
      await insertDirectoryUsers(store, runId, users);
      counts.users += users.length;
      counts.user_pages = page.number;
      await afterPage("users");
    }
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

  try {
    // Both readers stop after their current page once either fails, and both are awaited, so
    // nothing is still writing when the run is marked failed.
    const stopOnFailure = (reading: Promise<void>) =>
      reading.catch((error: unknown) => {
        failed = true;
        throw error;
      });
    const results = await Promise.allSettled([stopOnFailure(readReport()), stopOnFailure(readUsers()), stopOnFailure(readGroups())]);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (rejected) throw rejected.reason;
    await completeSyncRun(store, runId, new Date(clock.now()), counts);
  } catch (error) {
    failed = true;
    await failSyncRun(store, runId, new Date(clock.now()), (error as Error).message);
    // The caller reports the error itself (logged once, at the boundary); this records where it stopped.
    runLog.info({ ...counts, code: (error as { code?: string }).code }, "sync failed; the previous snapshot stays current");
    throw error;
  }
  await pruneSnapshots(store);
  const summary = { runId, ...counts, skipped, elapsedMs: clock.now() - started };
  runLog.info(summary, "sync complete");
  return summary;
}
