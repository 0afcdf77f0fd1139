/**
 * What `mfa-nudge demo` hands to the report page: the campaign day by day, and every message each
 * person received, cards exactly as sent. All times are simulated.
 */

/** One simulated day. */
export interface DemoDay {
  /** YYYY-MM-DD. */
  date: string;
  /** People in the rollout's denominator. */
  members: number;
  /** Registered at the day's end. */
  registered: number;
  /** Reminders sent that day. */
  reminders: number;
  /** Manager escalations sent that day. */
  escalations: number;
  /** "Remind me later" presses that day. */
  snoozes: number;
  helpRequests: number;
  /** People Entra ID stopped at sign-in that day (after enforcement). */
  stoppedAtSignIn: number;
  /** Help cards sent that day to people stopped at sign-in. */
  signInHelp: number;
}

export interface DemoMessage {
  /** ISO instant (simulated time). */
  at: string;
  /** `reply` is a card the bot returned after a button press. */
  kind: "reminder" | "escalation" | "reply" | "helpdesk";
  /** E.g. "Reminder (7 days left)", "After pressing: I've done it". */
  label: string;
  /** The Adaptive Card JSON exactly as sent. */
  card: object;
}

export interface DemoPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
  department: string | null;
  /** E.g. "Registered on day 3 after 2 reminders", "Still not registered", "Excluded: break-glass account". */
  outcome: string;
  /** YYYY-MM-DD. */
  registeredOn: string | null;
  /** In time order. */
  messages: DemoMessage[];
}

export interface DemoReportData {
  campaignName: string;
  tenantSize: number;
  seed: number;
  /** ISO, simulated. */
  startedAt: string;
  /** ISO, simulated. */
  endedAt: string;
  /** One per simulated day, in order. */
  days: DemoDay[];
  /** Everyone who received at least one message, plus notable people who received none (excluded accounts). */
  people: DemoPerson[];
  totals: { reminders: number; escalations: number; snoozes: number; helpRequests: number; unreachable: number; excluded: number };
  /**
   * The enforcement date played halfway through, and how the bot helped those it stopped: people
   * stopped at sign-in, help cards sent, and of the people helped, how many registered after their card.
   */
  enforcement: { date: string; peopleStopped: number; helpCards: number; peopleHelped: number; registeredAfterHelp: number } | null;
}
