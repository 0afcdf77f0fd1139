/** One person as the planner sees them: directory, registration state and group membership. */
export interface Person {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string | null;
  readonly givenName: string | null;
  readonly department: string | null;
  readonly managerId: string | null;
  readonly accountEnabled: boolean;
  readonly userType: string | null;
  readonly isAdmin: boolean;
  readonly isMfaRegistered: boolean;
  readonly methodsRegistered: readonly string[];
  readonly preferredLanguage: string | null;
  /** Lower-cased ids of the campaign's groups this person is a (transitive) member of. */
  readonly groupIds: ReadonlySet<string>;
}

/** What has happened to a person so far, as recorded in the store. Instants are ms since epoch. */
export interface PersonHistory {
  /** Deadlines fixed per person, by phase (for phases whose deadline follows the first reminder). */
  readonly phaseDeadlines: Readonly<Record<string, string>>;
  /** Reminder steps already queued or sent, as `${phase}:${step}`. */
  readonly stepsQueued: ReadonlySet<string>;
  /** Reminders queued or sent in each phase. */
  readonly remindersByPhase: Readonly<Record<string, number>>;
  /** Reminders since the person last answered one (any card action counts as an answer). */
  readonly unansweredReminders: number;
  readonly lastReminderAt: number | undefined;
  /** Phases whose escalation to the manager is already queued or sent. */
  readonly escalatedPhases: ReadonlySet<string>;
  readonly snoozedUntil: number | undefined;
  readonly snoozeCount: number;
  /** A live check (the person pressed "I've done it") found them registered; the report lags. */
  readonly confirmedRegisteredAt: number | undefined;
  /** Teams refused delivery (app blocked, bot blocked); not retried before this instant. */
  readonly unreachableUntil: number | undefined;
  /** Graph's or the Bot Connector's code for that refusal, e.g. ConversationBlockedByUser. */
  readonly unreachableCode: string | undefined;
  /** From Teams (the person's client), when they have talked to the bot. */
  readonly timeZone: string | undefined;
  /** Sign-ins Entra ID interrupted because they had no second factor (the store keeps the lookback window), newest first. */
  readonly signInInterrupts: readonly SignInInterruptSeen[];
}

/** One sign-in Entra ID stopped for want of a second factor: when, and to which app. */
export interface SignInInterruptSeen {
  readonly at: number;
  readonly app: string;
}

export const emptyHistory: PersonHistory = {
  phaseDeadlines: {},
  stepsQueued: new Set(),
  remindersByPhase: {},
  unansweredReminders: 0,
  lastReminderAt: undefined,
  escalatedPhases: new Set(),
  snoozedUntil: undefined,
  snoozeCount: 0,
  confirmedRegisteredAt: undefined,
  unreachableUntil: undefined,
  unreachableCode: undefined,
  timeZone: undefined,
  signInInterrupts: [],
};
