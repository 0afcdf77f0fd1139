/**
 * What the cards for admins and managers need: `/mfa` command answers, the welcome, the weekly
 * digest, the daily report and alerts. Facts only, as in card-data.ts; dates are ISO (a day as
 * YYYY-MM-DD, an instant with its offset), counts are plain numbers the cards format per language.
 */

/** `/mfa status`: where the rollout stands. */
export interface StatusCard {
  /** People the campaign covers (enabled members, not guests). */
  members: number;
  registered: number;
  admins: number;
  adminsNotRegistered: number;
  /** ISO instant of the last completed directory sync; null before the first. */
  lastSync: string | null;
  /** One point per day, oldest first; `date` is YYYY-MM-DD, `percentRegistered` 0 to 100. */
  trend: { date: string; percentRegistered: number }[];
  byState: {
    registered: number;
    remindedNotRegistered: number;
    notYetReminded: number;
    snoozed: number;
    unreachable: number;
    excluded: number;
  };
  /** `deadline` (YYYY-MM-DD) for a fixed date, or `deadlineDaysAfterFirstReminder` for a relative one. */
  phases: { name: string; deadline: string | null; deadlineDaysAfterFirstReminder: number | null; members: number; registered: number }[];
  /** The card shows the five with the lowest share registered. */
  furthestBehind: { department: string; members: number; registered: number }[];
  /** The card names up to five; `unreachableCount` is how many there are in all. */
  /** `code` is Graph's or the Bot Connector's own for the refusal (null when none was recorded); the card words it. */
  unreachable: { displayName: string; userPrincipalName: string; code: string | null }[];
  unreachableCount: number;
  /**
   * People in scope, not registered, whom Entra ID stopped at sign-in in the last 7 days, and the
   * apps that stopped most of them; null until the sign-in log has been read (no P1/P2, say).
   */
  signInInterrupts: { people: number; topApps: { app: string; people: number }[] } | null;
  /** Who paused reminders and when (ISO instant); null while they run. */
  paused: { by: string; at: string } | null;
  /** How MFA is enforced, as the last `doctor` found it; null before the first doctor run. */
  enforcement: EnforcementLine | null;
}

/** The status card's one line on enforcement: the state, the policies it rests on, when it was checked (ISO instant). */
export interface EnforcementLine {
  state: "securityDefaults" | "conditionalAccess" | "partial" | "reportOnly" | "none" | "unknown";
  policies: readonly string[];
  checkedAt: string;
}

/** `/mfa doctor`: the setup checklist, as `mfa-nudge doctor --json` prints it. */
export interface DoctorCard {
  checks: { check: string; status: "ok" | "warn" | "fail" | "skipped"; detail: string; fix: string }[];
  /** ISO instant. */
  checkedAt: string;
}

/** `/mfa pending [department | manager UPN] [page]`: one page of people not registered. */
export interface PendingCard {
  /** The department or manager asked for, as typed; null for everyone. */
  filter: string | null;
  /** `--blocked`: only people Entra ID stopped at sign-in in the last 7 days. */
  blocked: boolean;
  /** 1-based. */
  page: number;
  pageCount: number;
  /** People on all pages. */
  total: number;
  people: {
    displayName: string;
    userPrincipalName: string;
    department: string | null;
    /** YYYY-MM-DD; null until a relative phase's first reminder fixes it. */
    deadline: string | null;
    /** Negative when overdue; null when not reminded yet. */
    daysLeft: number | null;
    reminders: number;
    /** Their latest sign-in Entra ID stopped in the last 7 days (ISO instant), if any. */
    stopped: { app: string; at: string } | null;
  }[];
  /** The command that shows the next page, e.g. "mfa pending Sales 3"; null on the last page. */
  nextCommand: string | null;
}

/** `/mfa user <UPN or name>`: one person. */
export interface UserCard {
  displayName: string;
  userPrincipalName: string;
  department: string | null;
  managerName: string | null;
  registered: boolean;
  methodsRegistered: string[];
  /** Why the campaign leaves this person out (already worded), or null. */
  excludedBecause: string | null;
  phase: string | null;
  /** YYYY-MM-DD. */
  deadline: string | null;
  daysLeft: number | null;
  /** Set when they cannot be messaged: Graph's or the Bot Connector's code for the refusal, which the card words. */
  unreachable: { code: string | null } | null;
  /** `at` is an ISO instant; `what` comes already worded, in English. Shown oldest first. */
  events: { at: string; what: string }[];
}

/** `/mfa preview`: what the next run would send. Nothing is sent. */
export interface PreviewCard {
  remind: number;
  escalate: number;
  /** People not contacted now, by SkipReason ("registered", "snoozed", …); zero counts are left out. */
  skipped: Record<string, number>;
  /** Up to 10; `deadline` is YYYY-MM-DD, `reason` the planner's own words. */
  sample: { userPrincipalName: string; action: "remind" | "escalate"; phase: string; deadline: string; reason: string }[];
}

/** `/mfa help`, and the answer to anything the bot does not recognise. */
export interface HelpCard {
  /** What was typed, when the card answers a command the bot did not recognise. */
  unknownCommand: string | null;
  /** The commands to list, by name, in order: the chat command table's (src/chatops/chat-commands.ts). */
  commands: readonly string[];
}

/** Sent once, when the bot is installed for someone. */
export interface WelcomeCard {
  firstName: string;
  /** Admins also see the commands. */
  isAdmin: boolean;
  /** The commands an admin is shown, by name, in order: the chat command table's. */
  commands: readonly string[];
}

/** Weekly, to a manager: their own people who are behind. */
export interface DigestCard {
  managerFirstName: string;
  /**
   * `deadline` is YYYY-MM-DD; `daysLeft` is negative when overdue; `stoppedAtSignIn` marks someone
   * Entra ID stopped at sign-in in the last 7 days.
   */
  reports: {
    displayName: string;
    userPrincipalName: string;
    phase: string;
    deadline: string;
    daysLeft: number;
    reminders: number;
    stoppedAtSignIn: boolean;
  }[];
  team: { members: number; registered: number };
  organisation: { members: number; registered: number };
  /** Shows "Remind them now" (Action.Execute, verb "remindTeam", data { digestId, managerId }). */
  remindAvailable: boolean;
  digestId: string;
  managerId: string;
}

/** Replaces the digest after "Remind them now". */
export interface DigestRemindedCard {
  reminded: number;
  /** Left out by the reminder policy: reminded today, snoozed, outside their hours… */
  skipped: number;
}

/** Daily, to the admin channel: the status plus what changed since yesterday. */
export interface AdminReportCard {
  status: StatusCard;
  newlyRegistered: number;
  /** All of them; the card names up to five. */
  newlyUnreachable: { displayName: string; userPrincipalName: string }[];
  failures: number;
}

/** Immediately, to the admin channel: delivery has stopped working. */
export interface AlertCard {
  problem: "deliveryFailing" | "credentialsRejected" | "graphRefusing" | "teamsAppSetup";
  /** The last error, as it came (status code, error code, message). */
  detail: string;
  /** ISO instant the problem started. */
  since: string;
}
