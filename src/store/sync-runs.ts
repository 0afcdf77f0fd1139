import { randomUUID } from "node:crypto";
import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { Store } from "./open-store.js";
import type { Selectable } from "kysely";
import type { SyncCounts } from "./complete-sync-run.js";
import type { SyncRunTable } from "./schema.js";

/** A run whose heartbeat is older than this died with its process; another may start. */
const staleAfterMs = 5 * 60_000;

export type SyncRun = Selectable<SyncRunTable>;

/*
 * Runs this process started and saw fail, but could not mark failed (the database was gone at that
 * moment). They are not running, whatever their row says; the next begin marks them failed rather
 * than refuse every sync until their heartbeat is five minutes old.
 */
const endedUnrecorded = new Map<string, string>();

/** Starts a sync run; its rows stay invisible to readers until completeSyncRun. */
export async function beginSyncRun(store: Store, now: Date): Promise<string> {
  const id = randomUUID();
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - staleAfterMs).toISOString();
  await store.db.transaction().execute(async (trx) => {
    for (const [ended, error] of endedUnrecorded) {
      await trx
        .updateTable("sync_runs")
        .set({ status: "failed", error, finished_at: at })
        .where("id", "=", ended)
        .where("status", "=", "running")
        .execute();
    }
    await trx
      .updateTable("sync_runs")
      .set({ status: "failed", error: "abandoned: its process stopped before finishing", finished_at: at })
      .where("status", "=", "running")
      .where("heartbeat_at", "<", staleBefore)
      .execute();
    const live = await trx.selectFrom("sync_runs").select("id").where("status", "=", "running").executeTakeFirst();
    if (live) {
      throw new AppError(ErrorCode.SyncAlreadyRunning, `Another sync (${live.id}) is running.`, {
        hint: "Wait for it to finish; a sync that died is taken over after five minutes without progress.",
      });
    }
    await trx.insertInto("sync_runs").values({ id, started_at: at, heartbeat_at: at, status: "running" }).execute();
  });
  endedUnrecorded.clear();
  return id;
}

export async function recordSyncProgress(store: Store, id: string, now: Date, counts: SyncCounts): Promise<void> {
  await store.db
    .updateTable("sync_runs")
    .set({ ...counts, heartbeat_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

/** Marks a run failed; when the store cannot be told now, the next beginSyncRun of this process does it. */
export async function failSyncRun(store: Store, id: string, now: Date, error: string): Promise<void> {
  try {
    await store.db
      .updateTable("sync_runs")
      .set({ status: "failed", error: error.slice(0, 2000), finished_at: now.toISOString() })
      .where("id", "=", id)
      .execute();
  } catch {
    endedUnrecorded.set(id, error.slice(0, 2000));
  }
}

/** The snapshot readers see: the newest complete run. Undefined before the first sync. */
export async function currentSnapshot(store: Store): Promise<SyncRun | undefined> {
  return store.db
    .selectFrom("sync_runs")
    .selectAll()
    .where("status", "=", "complete")
    .orderBy("finished_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/**
 * Drops the rows of every snapshot but the current one and the one before it (a reader may still
 * be on it). Run rows themselves stay: they are the sync history.
 */
export async function pruneSnapshots(store: Store): Promise<void> {
  const keep = await store.db
    .selectFrom("sync_runs")
    .select("id")
    .where("status", "=", "complete")
    .orderBy("finished_at", "desc")
    .limit(2)
    .execute();
  const keepIds = keep.map((r) => r.id);
  if (keepIds.length === 0) return;
  for (const table of ["directory_users", "registrations", "group_members"] as const) {
    await store.db.deleteFrom(table).where("snapshot_id", "not in", keepIds).execute();
  }
}
