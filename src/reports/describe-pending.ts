import { assessPerson } from "../campaign/assess-person.js";
import { daysBetween } from "../campaign/local-calendar.js";
import type { Person, PersonHistory } from "../campaign/person.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import { recentInterrupts } from "../campaign/sign-in-lookback.js";

export interface PendingPerson {
  readonly person: Person;
  readonly phase: string;
  /** Null before the first reminder of a relative phase... */
  readonly deadline: string | null;
  /** ...when the deadline would be set by a reminder today. */
  readonly provisionalDeadline: string;
  readonly daysLeft: number | null;
  readonly reminders: number;
  /** Their latest sign-in Entra ID stopped in the lookback window, if any. */
  readonly stopped: { readonly app: string; readonly at: string } | null;
}

/**
 * Someone in the campaign's scope who has not registered, with their phase, deadline and reminders
 * so far; undefined for everyone else. `today` is the campaign's date now (YYYY-MM-DD).
 */
export function describePending(
  person: Person,
  history: PersonHistory,
  policy: CampaignPolicy,
  now: number,
  today: string,
): PendingPerson | undefined {
  const assessment = assessPerson(person, history, policy, now, false);
  if ("skip" in assessment && ["registered", "excluded", "notInPhase"].includes(assessment.skip.skip)) return undefined;
  const phase = "skip" in assessment ? (assessment.skip.phase ?? "") : assessment.standing.phase.name;
  // Before the first reminder of a relative phase there is no deadline yet.
  const fixed =
    "skip" in assessment ? assessment.skip.deadline : assessment.standing.fixesDeadline ? undefined : assessment.standing.deadline;
  const deadline = history.phaseDeadlines[phase] ?? policy.phases.find((p) => p.name === phase)?.deadline ?? fixed ?? null;
  return {
    person,
    phase,
    deadline,
    provisionalDeadline: deadline ?? ("standing" in assessment ? assessment.standing.deadline : today),
    daysLeft: deadline ? daysBetween(today, deadline) : null,
    reminders: history.remindersByPhase[phase] ?? 0,
    stopped: stoppedAt(history, now),
  };
}

function stoppedAt(history: PersonHistory, now: number): PendingPerson["stopped"] {
  const latest = recentInterrupts(history.signInInterrupts, now)[0];
  return latest ? { app: latest.app, at: new Date(latest.at).toISOString() } : null;
}

/** Most urgent first; of two as urgent, by name. */
export function byUrgency(a: PendingPerson, b: PendingPerson): number {
  return (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || (a.person.displayName ?? "").localeCompare(b.person.displayName ?? "");
}
