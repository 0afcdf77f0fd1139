import type { Decision, EscalateDecision, RemindDecision, SkipReason } from "../campaign/decision.js";
import { findExclusion } from "../campaign/find-exclusion.js";
import type { Person, PersonHistory } from "../campaign/person.js";
import type { ManagerView } from "../campaign/plan-person.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import { planReminders } from "../campaign/plan-reminders.js";
import type { Store } from "../store/open-store.js";
import { readAllPeople, readPeopleByIds } from "../store/read-people.js";
import { readHistories, readHistoriesOf } from "../store/read-histories.js";
import { isPaused } from "../store/app-state.js";
import { StatusTally, type Figures, type StatusSummary } from "../reports/status-summary.js";
import { currentSnapshot } from "../store/sync-runs.js";

export type DueDecision = RemindDecision | EscalateDecision;

export interface PlanPage {
  readonly due: readonly DueDecision[];
  readonly people: ReadonlyMap<string, Person>;
}

export interface CampaignPlanSummary {
  readonly people: number;
  readonly remind: number;
  readonly escalate: number;
  readonly skipped: Readonly<Record<SkipReason, number>>;
  /** Where the rollout stands; undefined before the first sync. */
  readonly status: StatusSummary | undefined;
  /** The figures of one manager's direct reports in scope (the digests' team line). */
  readonly teamOf: (managerId: string) => Figures;
}

/** Sees each page of people with their histories, as the pass goes (the digests collect from it). */
export type PeopleVisitor = (people: readonly Person[], histories: ReadonlyMap<string, PersonHistory>) => void;

/**
 * Runs the pure planner over the current snapshot a page of people at a time (flat memory), with
 * each page's histories and, where an escalation may be due, the managers. `onPage` receives the
 * decisions due now: preview prints them, a run queues them. The same pass adds everyone up (the
 * status summary) and shows each page to `visit`, so nobody is read twice in a run. It writes
 * nothing itself: keeping the summary is the run's business, not a preview's.
 */
export async function planCampaign(
  store: Store,
  policy: CampaignPolicy,
  now: number,
  onPage: (page: PlanPage) => Promise<void>,
  visit?: PeopleVisitor,
): Promise<CampaignPlanSummary> {
  const snapshot = await currentSnapshot(store);
  const skipped = Object.fromEntries(skipReasons.map((r) => [r, 0])) as Record<SkipReason, number>;
  const summary = { people: 0, remind: 0, escalate: 0, skipped };
  if (!snapshot) return { ...summary, status: undefined, teamOf: () => ({ members: 0, registered: 0 }) };
  const paused = await isPaused(store);
  const tally = new StatusTally(policy, now);

  for await (const people of readAllPeople(store, snapshot.id)) {
    const histories = await readHistoriesOf(store, people);
    const managers = await managersFor(store, snapshot.id, policy, people, histories);
    const decisions = planReminders(people, (id) => histories.get(id), { policy, now, paused, managerOf: (id) => managers.get(id) });
    const due = decisions.filter((d): d is DueDecision => d.action !== "none");
    count(summary, decisions);
    for (const person of people) tally.add(person, histories.get(person.id));
    visit?.(people, histories);
    if (due.length > 0) {
      const byId = new Map(people.map((p) => [p.id, p]));
      for (const manager of managers.values()) if (manager.person) byId.set(manager.id, manager.person);
      await onPage({ due, people: byId });
    }
  }
  return { ...summary, status: tally.summary(), teamOf: (id) => tally.teamOf(id) };
}

const skipReasons: readonly SkipReason[] = [
  "registered",
  "excluded",
  "notInPhase",
  "paused",
  "notYet",
  "outsideWindow",
  "snoozed",
  "remindedToday",
  "alreadyReminded",
  "overdueLimit",
  "unreachable",
];

function count(
  summary: { people: number; remind: number; escalate: number; skipped: Record<SkipReason, number> },
  decisions: readonly Decision[],
): void {
  const seen = new Set<string>();
  for (const d of decisions) {
    if (!seen.has(d.userId)) summary.people += 1;
    seen.add(d.userId);
    if (d.action === "remind") summary.remind += 1;
    else if (d.action === "escalate") summary.escalate += 1;
    else summary.skipped[d.skip] += 1;
  }
}

/** Managers of people who may be escalated now: only those are worth a lookup. */
async function managersFor(
  store: Store,
  snapshotId: string,
  policy: CampaignPolicy,
  people: readonly Person[],
  histories: ReadonlyMap<string, PersonHistory>,
): Promise<Map<string, ManagerView & { person?: Person }>> {
  const after = policy.escalation.managerAfterReminders;
  if (after === undefined) return new Map();
  const ids = people
    .filter((p) => p.managerId && (histories.get(p.id)?.unansweredReminders ?? 0) >= after)
    .map((p) => p.managerId as string);
  if (ids.length === 0) return new Map();
  const found = await readPeopleByIds(store, snapshotId, ids);
  const states = await readHistories(store, [...found.keys()]);
  const managers = new Map<string, ManagerView & { person?: Person }>();
  for (const [id, person] of found) {
    // A manager who is excluded (a service account, a break-glass account) or disabled is not told.
    if (findExclusion(person, policy) !== undefined || !person.accountEnabled) continue;
    managers.set(id, { id, timeZone: states.get(id)?.timeZone, person });
  }
  return managers;
}
