import type { CampaignPolicy } from "../campaign/policy.js";
import type { Store } from "../store/open-store.js";
import { readAllPeople } from "../store/read-people.js";
import { readHistoriesOf } from "../store/read-histories.js";
import { currentSnapshot } from "../store/sync-runs.js";
import { StatusTally, type StatusSummary } from "./status-summary.js";

/**
 * The campaign's figures for the current snapshot, worked out afresh a page of people at a time;
 * undefined before the first sync. A campaign run leaves the same summary cached for `/mfa status`.
 */
export async function summarizeCampaign(store: Store, policy: CampaignPolicy, now: number): Promise<StatusSummary | undefined> {
  const snapshot = await currentSnapshot(store);
  if (!snapshot) return undefined;
  const tally = new StatusTally(policy, now);
  for await (const people of readAllPeople(store, snapshot.id)) {
    const histories = await readHistoriesOf(store, people);
    for (const person of people) tally.add(person, histories.get(person.id));
  }
  return tally.summary();
}
