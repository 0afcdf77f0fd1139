import type { Logger } from "pino";
import type { GraphClient } from "../graph/client/graph-client.js";
import { parseDirectoryChange, parseDirectoryUser } from "../graph/parse-graph-rows.js";
import { isDeltaExpired, readUsersDeltaPages } from "../graph/users.js";
import { carryRows, clearRows, patchDirectoryUser, removeDirectoryUsers } from "../store/carry-snapshot.js";
import type { Store } from "../store/open-store.js";
import type { SnapshotBasis } from "../store/snapshot-basis.js";
import { insertDirectoryUsers } from "../store/snapshot-rows.js";

export interface DirectoryReading {
  readonly graph: GraphClient;
  readonly store: Store;
  readonly runId: string;
  readonly log: Logger;
  /** Called after each stored page: entries applied, entries Graph sent that could not be used. */
  readonly onPage: (applied: number, skipped: number, page: number) => Promise<void>;
  readonly stopped: () => boolean;
}

export interface DirectoryOutcome {
  readonly read: "full" | "delta";
  /** Where the next round of /users/delta starts; undefined when a failure stopped the read. */
  readonly deltaLink: string | undefined;
}

/** Every user, through a first round of /users/delta, which ends with the deltaLink the next sync starts from. */
export async function readFullDirectory(reading: DirectoryReading): Promise<DirectoryOutcome> {
  let deltaLink: string | undefined;
  for await (const page of readUsersDeltaPages(reading.graph)) {
    if (reading.stopped()) return { read: "full", deltaLink: undefined };
    const users = page.value.map(parseDirectoryUser).filter((u) => u !== undefined);
    // A first round may mark deleted objects with @removed; those are expected, not skipped.
    const skipped = page.value.filter((v) => !isRemoved(v)).length - users.length;
    await insertDirectoryUsers(reading.store, reading.runId, users);
    await reading.onPage(users.length, skipped, page.number);
    deltaLink = page.deltaLink ?? deltaLink;
  }
  return { read: "full", deltaLink };
}

/**
 * The last snapshot's directory carried over and the changes since its deltaLink applied: new
 * and changed users patched in, leavers removed. When Graph no longer knows the deltaLink (410 Gone,
 * syncStateNotFound), the carried copy is dropped and the directory read in full.
 */
export async function readDirectoryChanges(
  reading: DirectoryReading,
  basis: SnapshotBasis & { deltaLink: string },
): Promise<DirectoryOutcome> {
  const { store, runId } = reading;
  if (!isOnOrigin(basis.deltaLink, reading.graph.baseUrl)) {
    // Stored under another GRAPH_BASE_URL (a national cloud, a proxy, a moved test tenant): that
    // host must not get our token, and this one does not know the link, so read everything again.
    reading.log.warn("the stored deltaLink is not on GRAPH_BASE_URL's host; reading the whole directory");
    return readFullDirectory(reading);
  }
  await carryRows(store, "directory_users", basis.snapshotId, runId);
  let deltaLink: string | undefined;
  try {
    for await (const page of readUsersDeltaPages(reading.graph, basis.deltaLink)) {
      if (reading.stopped()) return { read: "delta", deltaLink: undefined };
      const removed: string[] = [];
      let applied = 0;
      for (const raw of page.value) {
        const change = parseDirectoryChange(raw);
        if (change?.kind === "removed") removed.push(change.id);
        else if (change) await patchDirectoryUser(store, runId, change.patch);
        if (change) applied += 1;
      }
      await removeDirectoryUsers(store, runId, removed);
      await reading.onPage(applied, page.value.length - applied, page.number);
      deltaLink = page.deltaLink ?? deltaLink;
    }
  } catch (error) {
    if (!isDeltaExpired(error)) throw error;
    reading.log.warn("Graph no longer knows the stored deltaLink (expired or reset); reading the whole directory");
    await clearRows(store, "directory_users", runId);
    return readFullDirectory(reading);
  }
  return { read: "delta", deltaLink };
}

function isOnOrigin(link: string, baseUrl: string): boolean {
  return URL.canParse(link) && new URL(link).origin === new URL(baseUrl).origin;
}

function isRemoved(value: unknown): boolean {
  return typeof value === "object" && value !== null && "@removed" in value;
}
