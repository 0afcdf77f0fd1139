/** The campaign as the planner sees it: validated, defaults filled, times in minutes. */

export type Requirement = "mfa" | "authenticator" | "phishingResistant";
export type Weekday = "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun";
export const weekdays: readonly Weekday[] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Who a phase (or the admins' scope) takes in; a person matches when any listed rule matches. */
export interface MemberRule {
  readonly all: boolean;
  readonly admins: boolean;
  readonly groups: readonly string[];
  readonly departments: readonly string[];
  /** UPNs or object ids, lower-cased. */
  readonly users: readonly string[];
}

export interface Phase {
  readonly name: string;
  readonly members: MemberRule;
  /** A fixed deadline (ISO date, in each person's own time zone)... */
  readonly deadline: string | undefined;
  /** ...or one set per person this many days after their first reminder. */
  readonly deadlineDaysAfterFirstReminder: number | undefined;
}

export interface ReminderWindow {
  readonly days: readonly Weekday[];
  /** Minutes after local midnight: from inclusive, to exclusive. */
  readonly fromMinute: number;
  readonly toMinute: number;
}

export interface CampaignPolicy {
  readonly name: string;
  /** Who the cards say they are from. */
  readonly senderName: string;
  readonly registrationUrl: string;
  readonly helpdesk: { readonly name: string; readonly url?: string; readonly email?: string; readonly conversationId?: string };
  readonly timeZone: string;
  readonly requirement: Requirement;
  readonly phases: readonly Phase[];
  readonly exclude: {
    readonly users: readonly string[];
    readonly groups: readonly string[];
    readonly guests: boolean;
    readonly disabled: boolean;
  };
  readonly reminders: {
    /** Descending, unique. */
    readonly daysBeforeDeadline: readonly number[];
    readonly overdueEveryDays: number;
    readonly overdueMax: number;
    readonly window: ReminderWindow;
    readonly snooze: { readonly days: number; readonly max: number };
  };
  readonly escalation: { readonly managerAfterReminders: number | undefined };
  readonly digest: { readonly enabled: boolean; readonly day: Weekday; readonly minute: number };
  /** The daily report and alerts for admins, posted where the bot is installed for them. */
  readonly adminReport: { readonly conversationId: string | undefined; readonly minute: number };
  /** node-cron expression in the campaign's time zone: when `start` runs sync, plan and deliver. */
  readonly schedule: string;
}

/** Every group the campaign names: the sync reads their transitive members. */
export function groupsNamedBy(policy: CampaignPolicy): string[] {
  const ids = [...policy.exclude.groups, ...policy.phases.flatMap((p) => p.members.groups)];
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
