import { currentStep } from "./current-step.js";
import type { Decision, EscalateDecision, ReminderKind, SkipDecision, SkipReason } from "./decision.js";
import { assessPerson } from "./assess-person.js";
import { inWindow, isValidZone, localMoment, nextWindowOpening } from "./local-calendar.js";
import type { Person, PersonHistory } from "./person.js";
import type { CampaignPolicy, Phase } from "./policy.js";
import { recentInterrupts } from "./sign-in-lookback.js";

/** A manager, as far as an escalation needs to know them. */
export interface ManagerView {
  readonly id: string;
  readonly timeZone: string | undefined;
}

export interface PlanContext {
  readonly policy: CampaignPolicy;
  readonly now: number;
  /** An admin paused the campaign: nothing is sent, everyone is told why. */
  readonly paused: boolean;
  /** The person's manager if they can receive a message (enabled, not excluded). */
  readonly managerOf: (managerId: string) => ManagerView | undefined;
}

/**
 * Decides, for one person at `now`, whether a reminder and/or an escalation to their manager is
 * due, and if not, why not. Pure: the same inputs always give the same decisions.
 */
export function planPerson(person: Person, history: PersonHistory, ctx: PlanContext): Decision[] {
  const { policy, now } = ctx;
  const skip = (reason: SkipReason, text: string, phase?: Phase, deadline?: string): SkipDecision => ({
    action: "none",
    userId: person.id,
    userPrincipalName: person.userPrincipalName,
    skip: reason,
    phase: phase?.name,
    deadline,
    reason: text,
  });

  const assessment = assessPerson(person, history, policy, now, ctx.paused);
  // Someone snoozed has answered, and someone Teams refuses cannot have read the reminders: neither
  // is a reason to tell their manager, so a skip here ends the planning.
  if ("skip" in assessment) return [assessment.skip];
  const { phase, zone, local, deadline, daysLeft, fixesDeadline } = assessment.standing;
  const relativeDays = phase.deadlineDaysAfterFirstReminder;
  const escalation = planEscalation(person, history, ctx, phase, deadline, daysLeft);
  const reminder = ((): Decision => {
    const remindedToday = history.lastReminderAt !== undefined && localMoment(history.lastReminderAt, zone).date === local.date;
    // Stopped at sign-in since their last card: help now, whatever the schedule says (even past the
    // overdue limit), as that day's one card and within their reminder hours.
    const stopped = recentInterrupts(history.signInInterrupts, now)[0];
    if (stopped && stopped.at > (history.lastReminderAt ?? Number.NEGATIVE_INFINITY)) {
      if (remindedToday) return skip("remindedToday", "stopped at sign-in, but already sent a card today", phase, deadline);
      if (!inWindow(local, policy.reminders.window)) {
        const opens = nextWindowOpening(now, zone, policy.reminders.window);
        return skip("outsideWindow", `stopped at sign-in; help waits for their reminder hours (${zone}), ${iso(opens)}`, phase, deadline);
      }
      return {
        action: "remind",
        userId: person.id,
        userPrincipalName: person.userPrincipalName,
        phase: phase.name,
        step: `signin-${local.date}`,
        kind: kindOf(daysLeft, history.remindersByPhase[phase.name] ?? 0),
        deadline,
        daysLeft,
        fixesDeadline,
        signIn: { at: iso(stopped.at), app: stopped.app },
        reason: `stopped at sign-in to ${stopped.app} at ${iso(stopped.at)}; help card instead of the reminder`,
      };
    }
    const state = currentStep(policy, deadline, local.date, fixesDeadline ? relativeDays : undefined);
    if (!state.due) {
      return state.why === "notYet"
        ? skip("notYet", `first reminder on ${state.firstDate}`, phase, deadline)
        : skip("overdueLimit", `already reminded ${state.sent} times after the deadline; left to the admins`, phase, deadline);
    }
    let step = state.step;
    const snoozeOver = history.snoozedUntil !== undefined && (history.lastReminderAt ?? 0) < history.snoozedUntil;
    if (history.stepsQueued.has(`${phase.name}:${step}`) && history.snoozeCount > 0 && snoozeOver) {
      step = `snooze-${history.snoozeCount}`;
    }
    if (history.stepsQueued.has(`${phase.name}:${step}`)) {
      return skip("alreadyReminded", `already reminded for ${step}`, phase, deadline);
    }
    if (remindedToday) return skip("remindedToday", "already reminded today", phase, deadline);
    if (!inWindow(local, policy.reminders.window)) {
      const opens = nextWindowOpening(now, zone, policy.reminders.window);
      return skip("outsideWindow", `outside their reminder hours (${zone}); next opening ${iso(opens)}`, phase, deadline);
    }
    const kind = kindOf(daysLeft, history.remindersByPhase[phase.name] ?? 0);
    return {
      action: "remind",
      userId: person.id,
      userPrincipalName: person.userPrincipalName,
      phase: phase.name,
      step,
      kind,
      deadline,
      daysLeft,
      fixesDeadline,
      reason: describeStep(step, phase.name, deadline, daysLeft),
    };
  })();
  return escalation ? [reminder, escalation] : [reminder];
}

function planEscalation(
  person: Person,
  history: PersonHistory,
  ctx: PlanContext,
  phase: Phase,
  deadline: string,
  daysLeft: number,
): EscalateDecision | undefined {
  const after = ctx.policy.escalation.managerAfterReminders;
  if (after === undefined || history.unansweredReminders < after || history.escalatedPhases.has(phase.name) || !person.managerId)
    return undefined;
  const manager = ctx.managerOf(person.managerId);
  if (!manager) return undefined;
  const zone = manager.timeZone && isValidZone(manager.timeZone) ? manager.timeZone : ctx.policy.timeZone;
  if (!inWindow(localMoment(ctx.now, zone), ctx.policy.reminders.window)) return undefined;
  return {
    action: "escalate",
    userId: person.id,
    userPrincipalName: person.userPrincipalName,
    managerId: manager.id,
    phase: phase.name,
    step: "escalation",
    deadline,
    daysLeft,
    remindersSent: history.remindersByPhase[phase.name] ?? 0,
    reason: `${history.unansweredReminders} reminders unanswered (escalation.managerAfterReminders: ${after})`,
  };
}

function kindOf(daysLeft: number, remindersInPhase: number): ReminderKind {
  if (daysLeft < 0) return "overdue";
  if (daysLeft === 0) return "dueToday";
  return remindersInPhase === 0 ? "first" : "upcoming";
}

function describeStep(step: string, phase: string, deadline: string, daysLeft: number): string {
  if (step.startsWith("snooze-")) return `snooze over; ${phase} deadline ${deadline}`;
  if (step.startsWith("o-")) return `${-daysLeft} days past the ${phase} deadline (${deadline}), overdue reminder ${step.slice(2)}`;
  return `${daysLeft} days before the ${phase} deadline (${deadline})`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
