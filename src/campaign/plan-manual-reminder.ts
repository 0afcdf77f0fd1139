import { assessPerson } from "./assess-person.js";
import type { RemindDecision, SkipDecision } from "./decision.js";
import { inWindow, localMoment, nextWindowOpening } from "./local-calendar.js";
import type { Person, PersonHistory } from "./person.js";
import type { CampaignPolicy } from "./policy.js";

export type ManualReminder = { readonly decision: RemindDecision; readonly notBefore: number } | { readonly decision: SkipDecision };

/**
 * A reminder an admin (`/mfa remind`) or a manager ("Remind them now") asks for. It obeys the same
 * rules as the schedule, bar the step: never someone registered, excluded, snoozed or refused,
 * at most one reminder a day, and it waits for the person's own reminder hours.
 */
export function planManualReminder(
  person: Person,
  history: PersonHistory,
  policy: CampaignPolicy,
  now: number,
  paused: boolean,
): ManualReminder {
  const assessment = assessPerson(person, history, policy, now, paused);
  if ("skip" in assessment) return { decision: assessment.skip };
  const { phase, zone, local, deadline, daysLeft, fixesDeadline } = assessment.standing;
  if (history.lastReminderAt !== undefined && localMoment(history.lastReminderAt, zone).date === local.date) {
    return {
      decision: {
        action: "none",
        userId: person.id,
        userPrincipalName: person.userPrincipalName,
        skip: "remindedToday",
        phase: phase.name,
        deadline,
        reason: "already reminded today",
      },
    };
  }
  const notBefore = inWindow(local, policy.reminders.window) ? now : nextWindowOpening(now, zone, policy.reminders.window);
  return {
    decision: {
      action: "remind",
      userId: person.id,
      userPrincipalName: person.userPrincipalName,
      phase: phase.name,
      // One manual reminder a day at most: the date is part of the step, so the outbox keeps it unique.
      step: `manual-${local.date}`,
      kind:
        daysLeft < 0 ? "overdue" : daysLeft === 0 ? "dueToday" : (history.remindersByPhase[phase.name] ?? 0) === 0 ? "first" : "upcoming",
      deadline,
      daysLeft,
      fixesDeadline,
      reason: "asked for now",
    },
    notBefore,
  };
}
