import { readCachedJson, saveCachedJson } from "../store/cached-json.js";
import type { Store } from "../store/open-store.js";
import type { Requirement } from "../campaign/policy.js";
import type { StatusSummary } from "./status-summary.js";

const key = "status-summary";

/**
 * The last computed status, kept so `/mfa status` answers at once however large the tenant:
 * working it out means classifying everyone, which the campaign run does anyway.
 */
export async function saveStatusSummary(store: Store, summary: StatusSummary): Promise<void> {
  await saveCachedJson(store, key, summary, summary.computedAt);
}

/**
 * The cached summary, if it was worked out under this requirement (a campaign file changed since
 * makes it stale) and by this version's definition (an older one has no `requirement`, or no
 * `signInInterrupts`).
 */
export async function readStatusSummary(store: Store, requirement: Requirement): Promise<StatusSummary | undefined> {
  const cached = (await readCachedJson(store, key)) as Partial<StatusSummary> | undefined;
  return cached?.requirement === requirement && cached.signInInterrupts !== undefined ? (cached as StatusSummary) : undefined;
}
