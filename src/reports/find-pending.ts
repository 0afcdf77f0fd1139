import { localMoment } from "../campaign/local-calendar.js";
import { emptyHistory, type Person } from "../campaign/person.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { Store } from "../store/open-store.js";
import { readAllPeople } from "../store/read-people.js";
import { readHistories } from "../store/read-histories.js";
import { currentSnapshot } from "../store/sync-runs.js";
import { byUrgency, describePending, type PendingPerson } from "./describe-pending.js";
import { recentInterrupts } from "../campaign/sign-in-lookback.js";

export type { PendingPerson } from "./describe-pending.js";

/**
 * Everyone in the campaign's scope who has not registered, most urgent first, optionally only one
 * department's or one manager's people. Reads the tenant a page at a time.
 */
export async function findPending(
  store: Store,
  policy: CampaignPolicy,
  now: number,
  only?: (person: Person) => boolean,
  /** Only people Entra ID stopped at sign-in in the lookback window (`/mfa pending --blocked`). */
  blocked = false,
): Promise<PendingPerson[]> {
  const snapshot = await currentSnapshot(store);
  if (!snapshot) return [];
  const today = localMoment(now, policy.timeZone).date;
  const pending: PendingPerson[] = [];
  for await (const page of readAllPeople(store, snapshot.id)) {
    const people = only ? page.filter(only) : page;
    if (people.length === 0) continue;
    const histories = await readHistories(
      store,
      people.map((p) => p.id),
    );
    for (const person of people) {
      const history = histories.get(person.id) ?? emptyHistory;
      if (blocked && recentInterrupts(history.signInInterrupts, now).length === 0) continue;
      const found = describePending(person, history, policy, now, today);
      if (found) pending.push(found);
    }
  }
  return pending.sort(byUrgency);
}
