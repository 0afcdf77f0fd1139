import type { ReminderKind } from "../campaign/decision.js";

/** What an outbox row needs to render its card at send time, in the recipient's language. */
export type OutboxPayload =
  | {
      readonly card: "reminder";
      readonly kind: ReminderKind;
      readonly deadline: string;
      readonly firstName: string;
      readonly preferredLanguage: string | null;
      readonly methodsRegistered: readonly string[];
    }
  | {
      /** The help card for someone Entra ID stopped at sign-in; it stands for that day's reminder. */
      readonly card: "signInHelp";
      /** The person's deadline and methods, for the buttons it shares with the reminder ("I've done it", "I need help"). */
      readonly deadline: string;
      readonly firstName: string;
      readonly preferredLanguage: string | null;
      readonly methodsRegistered: readonly string[];
      readonly app: string;
      /** ISO instant of the interrupted sign-in. */
      readonly at: string;
    }
  | {
      readonly card: "escalation";
      readonly deadline: string;
      readonly managerFirstName: string;
      readonly preferredLanguage: string | null;
      readonly person: {
        readonly id: string;
        readonly displayName: string;
        readonly userPrincipalName: string;
        readonly department: string | null;
      };
      readonly remindersSent: number;
    }
  | {
      readonly card: "digest";
      readonly managerFirstName: string;
      readonly preferredLanguage: string | null;
      readonly reports: readonly DigestReport[];
      readonly team: { readonly members: number; readonly registered: number };
      readonly organisation: { readonly members: number; readonly registered: number };
    }
  | {
      /** A card for the admins' or the helpdesk's channel, already rendered in the channel's language. */
      readonly card: "channel";
      readonly conversationId: string;
      readonly content: Record<string, unknown>;
    };

export interface DigestReport {
  readonly personId: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly phase: string;
  readonly deadline: string;
  readonly reminders: number;
  /** Entra ID stopped them at sign-in in the last 7 days (absent in digests queued before this was known). */
  readonly stoppedAtSignIn?: boolean;
}

/**
 * The name a card greets someone by: their given name, else the first word of their display name,
 * else their sign-in name. A name that is blank (Graph may send "" as readily as null) is no name.
 */
export function firstNameOf(person: { givenName: string | null; displayName: string | null; userPrincipalName: string }): string {
  const given = person.givenName?.trim();
  const firstWord = person.displayName?.trim().split(/[\s,]+/)[0];
  return given || firstWord || person.userPrincipalName.split("@")[0] || "";
}
