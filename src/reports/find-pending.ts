import { assessPerson } from "../campaign/assess-person.js";
import { daysBetween, localMoment } from "../campaign/local-calendar.js";
import type { Person } from "../campaign/person.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import { emptyHistory } from "../campaign/person.js";
import type { Store } from "../store/open-store.js";
import { readAllPeople } from "../store/read-people.js";
import { readHistories } from "../store/read-histories.js";
import { currentSnapshot } from "../store/sync-runs.js";

export interface PendingPerson {
  readonly person: Person;
  readonly phase: string;
  /** Null before the first reminder of a relative phase... */
  readonly deadline: string | null;
  /** ...when the deadline would be set by a reminder today. */
  readonly provisionalDeadline: string;
  readonly daysLeft: number | null;
  readonly reminders: number;
}

/**
 * Everyone in the campaign's scope who has not registered, most urgent first, optionally only one
 * department's or one manager's people. Reads the tenant a page at a time.
 */
export async function findPending(
  store: Store,
  policy: CampaignPolicy,
  now: number,
  only?: (person: Person) => boolean,
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
      const assessment = assessPerson(person, history, policy, now, false);
      if ("skip" in assessment && ["registered", "excluded", "notInPhase"].includes(assessment.skip.skip)) continue;
      const phase = "skip" in assessment ? (assessment.skip.phase ?? "") : assessment.standing.phase.name;
      // Before the first reminder of a relative phase there is no deadline yet.
      const fixed =
        "skip" in assessment ? assessment.skip.deadline : assessment.standing.fixesDeadline ? undefined : assessment.standing.deadline;
      const deadline = history.phaseDeadlines[phase] ?? policy.phases.find((p) => p.name === phase)?.deadline ?? fixed ?? null;
      const provisionalDeadline = deadline ?? ("standing" in assessment ? assessment.standing.deadline : today);
      pending.push({
        person,
        phase,
        deadline,
        provisionalDeadline,
        daysLeft: deadline ? daysBetween(today, deadline) : null,
        reminders: history.remindersByPhase[phase] ?? 0,
      });
    }
  }
  return pending.sort(
    (a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || (a.person.displayName ?? "").localeCompare(b.person.displayName ?? ""),
  );
}
