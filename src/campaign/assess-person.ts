import type { SkipDecision, SkipReason } from "./decision.js";
import { findExclusion } from "./find-exclusion.js";
import { findPhase } from "./find-phase.js";
import { addDays, daysBetween, isValidZone, localMoment, type LocalMoment } from "./local-calendar.js";
import { isRegistered } from "./meets-requirement.js";
import type { Person, PersonHistory } from "./person.js";
import type { CampaignPolicy, Phase } from "./policy.js";

/** Where a person stands in the campaign right now, when they are someone it may remind. */
export interface Standing {
  readonly phase: Phase;
  readonly zone: string;
  readonly local: LocalMoment;
  readonly deadline: string;
  readonly daysLeft: number;
  /** The first reminder of a relative phase fixes this person's deadline. */
  readonly fixesDeadline: boolean;
}

export type Assessment = { readonly standing: Standing } | { readonly skip: SkipDecision };

/**
 * The checks every reminder passes, scheduled or asked for by an admin or a manager: not
 * excluded, not registered, in a phase, campaign not paused, Teams not refusing, not snoozed.
 */
export function assessPerson(person: Person, history: PersonHistory, policy: CampaignPolicy, now: number, paused: boolean): Assessment {
  const skip = (reason: SkipReason, text: string, phase?: Phase, deadline?: string): Assessment => ({
    skip: {
      action: "none",
      userId: person.id,
      userPrincipalName: person.userPrincipalName,
      skip: reason,
      phase: phase?.name,
      deadline,
      reason: text,
    },
  });
  const exclusion = findExclusion(person, policy);
  if (exclusion) return skip("excluded", exclusion.reason);
  if (isRegistered(policy.requirement, person, history)) {
    return skip("registered", `meets the requirement (${policy.requirement})`);
  }
  const phase = findPhase(person, policy.phases);
  if (!phase) return skip("notInPhase", "in no phase of the campaign");

  const zone = history.timeZone && isValidZone(history.timeZone) ? history.timeZone : policy.timeZone;
  const local = localMoment(now, zone);
  const perPersonDeadline = history.phaseDeadlines[phase.name];
  // A relative phase's deadline is fixed by the first reminder; until then it would be today + N.
  const deadline = phase.deadline ?? perPersonDeadline ?? addDays(local.date, phase.deadlineDaysAfterFirstReminder ?? 0);
  const fixesDeadline = phase.deadline === undefined && perPersonDeadline === undefined;
  if (paused) return skip("paused", "the campaign is paused", phase, deadline);
  if (history.unreachableUntil !== undefined && history.unreachableUntil > now) {
    return skip(
      "unreachable",
      `Teams refused delivery; next try after ${new Date(history.unreachableUntil).toISOString()}`,
      phase,
      deadline,
    );
  }
  if (history.snoozedUntil !== undefined && history.snoozedUntil > now) {
    return skip("snoozed", `snoozed until ${new Date(history.snoozedUntil).toISOString()}`, phase, deadline);
  }
  return { standing: { phase, zone, local, deadline, daysLeft: daysBetween(local.date, deadline), fixesDeadline } };
}
