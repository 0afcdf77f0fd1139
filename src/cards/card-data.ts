/**
 * What each card needs to be rendered. Facts only: every word a person reads comes from
 * cards/strings/<language>.json, every layout decision from the card's template in cards/.
 */

import type {
  AdminReportCard,
  AlertCard,
  DigestCard,
  DigestRemindedCard,
  DoctorCard,
  HelpCard,
  PendingCard,
  PreviewCard,
  StatusCard,
  UserCard,
  WelcomeCard,
} from "./admin-card-data.js";

export type * from "./admin-card-data.js";

export type Language = "en" | "de" | "fr" | "es" | "nl";

/** What the campaign asks people to register; decides what counts as enough and which alternatives exist. */
export type Requirement = "mfa" | "authenticator" | "phishingResistant";

/** The campaign and the reader: the same for every card sent to one person (or channel). */
export interface CardContext {
  language: Language;
  /** IANA zone, e.g. "Europe/Berlin": dates and times are shown as the reader's clock shows them. */
  timeZone: string;
  /** Who the cards say they are from, e.g. "Contoso IT Service Desk". */
  senderName: string;
  /** The only address a card links to: Microsoft's Security info page, normally https://aka.ms/mysecurityinfo. */
  registrationUrl: string;
  helpdesk: { name: string; url?: string; email?: string };
  requirement: Requirement;
}

export interface ReminderCard {
  kind: "first" | "upcoming" | "dueToday" | "overdue";
  firstName: string;
  /** ISO date, YYYY-MM-DD. */
  deadline: string;
  /** Negative when overdue. */
  daysLeft: number;
  /** Graph userRegistrationDetails.methodsRegistered values, e.g. "mobilePhone". */
  methodsRegistered: string[];
  snoozeAvailable: boolean;
  outboxId: string;
  userId: string;
}

/** Sent instead of the day's reminder to someone Entra ID stopped at sign-in to register a second method. */
export interface SignInHelpCard {
  firstName: string;
  /** The app they were signing in to, as the sign-in log names it (outside text: cleaned like a name). */
  app: string;
  /** ISO instant of the sign-in; shown on the reader's clock. */
  at: string;
  outboxId: string;
  userId: string;
}

export interface ThankYouCard {
  firstName: string;
  /** methodsRegistered values, as confirmed by the live check. */
  methodsRegistered: string[];
}

/** Sent after "I've done it" when the live check finds nothing that meets the requirement. */
export interface StillMissingCard extends ReminderCard {
  /**
   * What the live check found, as methodsRegistered values (map the types from
   * /users/{id}/authentication/methods first; "password" is ignored). Empty when it found nothing.
   */
  methodsFound: string[];
  /** Say that a hardware token, which the live check cannot see, is confirmed by the report within hours. */
  hardwareTokenNote?: boolean;
}

/** The answer to "I've done it" when the live check is slow ("checking") or could not be made ("later"). */
export interface CheckingCard {
  state: "checking" | "later";
  firstName: string;
  outboxId: string;
  userId: string;
}

export interface SnoozedCard {
  /** ISO instant of the next reminder. */
  until: string;
  snoozesLeft: number;
  /** True when the person has used every snooze: the card then says so instead. */
  refused: boolean;
  /** ISO date, YYYY-MM-DD. */
  deadline: string;
  outboxId: string;
  userId: string;
}

/** Everything this card says comes from the context (the helpdesk and how to reach it). */
export type HelpRequestedCard = Record<string, never>;

export interface NoSmartphoneCard {
  outboxId: string;
  userId: string;
}

export interface EscalationCard {
  managerFirstName: string;
  person: { displayName: string; userPrincipalName: string; department?: string };
  remindersSent: number;
  /** ISO date, YYYY-MM-DD. */
  deadline: string;
  /** Negative when overdue. */
  daysLeft: number;
}

export interface HelpdeskNoticeCard {
  person: { displayName: string; userPrincipalName: string; department?: string; id: string };
  /** ISO date, YYYY-MM-DD. */
  deadline: string;
  /** Negative when overdue. */
  daysLeft: number;
  methodsRegistered: string[];
  /** ISO instant when the person pressed "I need help". */
  requestedAt: string;
}

/** Each card's name and the data it takes. */
export interface CardDataByName {
  reminder: ReminderCard;
  signInHelp: SignInHelpCard;
  thankYou: ThankYouCard;
  stillMissing: StillMissingCard;
  checking: CheckingCard;
  snoozed: SnoozedCard;
  helpRequested: HelpRequestedCard;
  noSmartphone: NoSmartphoneCard;
  escalation: EscalationCard;
  helpdeskNotice: HelpdeskNoticeCard;
  status: StatusCard;
  pending: PendingCard;
  user: UserCard;
  preview: PreviewCard;
  help: HelpCard;
  welcome: WelcomeCard;
  digest: DigestCard;
  digestReminded: DigestRemindedCard;
  adminReport: AdminReportCard;
  alert: AlertCard;
  doctor: DoctorCard;
}

export type CardName = keyof CardDataByName;
