import { readCachedJson, saveCachedJson } from "../store/cached-json.js";
import type { Store } from "../store/open-store.js";
import type { StatusSummary } from "./status-summary.js";

const key = "status-summary";

/**
 * The last computed status, kept so `/mfa status` answers at once however large the tenant:
 * working it out means classifying everyone, which the campaign run does anyway.
 */
export async function saveStatusSummary(store: Store, summary: StatusSummary): Promise<void> {
  await saveCachedJson(store, key, summary, summary.computedAt);
}

export async function readStatusSummary(store: Store): Promise<StatusSummary | undefined> {
  return (await readCachedJson(store, key)) as StatusSummary | undefined;
}
