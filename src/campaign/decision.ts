/** What the planner decided for one person, and why. */

export type ReminderKind = "first" | "upcoming" | "dueToday" | "overdue";

export type SkipReason =
  | "registered"
  | "excluded"
  | "notInPhase"
  | "paused"
  | "notYet"
  | "outsideWindow"
  | "snoozed"
  | "remindedToday"
  | "alreadyReminded"
  | "overdueLimit"
  | "unreachable";

export interface RemindDecision {
  readonly action: "remind";
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly phase: string;
  /** `d-7` (7 days before the deadline), `o-2` (second overdue), `snooze-1` (after a snooze). */
  readonly step: string;
  readonly kind: ReminderKind;
  readonly deadline: string;
  readonly daysLeft: number;
  /** True when this reminder fixes a per-person deadline (the first of a relative phase). */
  readonly fixesDeadline: boolean;
  /** Set when Entra ID stopped them at sign-in since their last card: the help card goes instead of the reminder. */
  readonly signIn?: { readonly at: string; readonly app: string };
  readonly reason: string;
}

export interface EscalateDecision {
  readonly action: "escalate";
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly managerId: string;
  readonly phase: string;
  readonly step: "escalation";
  readonly deadline: string;
  readonly daysLeft: number;
  readonly remindersSent: number;
  readonly reason: string;
}

export interface SkipDecision {
  readonly action: "none";
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly skip: SkipReason;
  readonly phase: string | undefined;
  readonly deadline: string | undefined;
  readonly reason: string;
}

export type Decision = RemindDecision | EscalateDecision | SkipDecision;
