import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { cardAttachment, renderCard } from "../cards/render-card.js";
import { daysBetween, localMoment } from "../campaign/local-calendar.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { ConversationRef } from "./teams-messenger.js";
import type { OutboxPayload } from "./outbox-payload.js";
import type { OutboxRow } from "../store/outbox.js";
import type { PersonState } from "../store/people-state.js";
import { cardContextFor } from "../cards/card-context.js";
import { firstKnownLanguage } from "../cards/pick-language.js";

export interface RenderedMessage {
  readonly activity: Record<string, unknown>;
  /** Set for a channel (the admins', the helpdesk's); a person's chat comes from the store. */
  readonly conversation?: ConversationRef;
}

/**
 * The activity for an outbox row, rendered at send time: days left are counted on the day it is
 * actually sent, in the recipient's own time zone as Teams last told us.
 */
export function renderOutboxMessage(
  policy: CampaignPolicy,
  serviceUrl: string,
  row: OutboxRow,
  state: PersonState | undefined,
  now: number,
): RenderedMessage {
  const payload = JSON.parse(row.payload) as OutboxPayload;
  if (payload.card === "channel") {
    return {
      activity: message(payload.content as unknown as AdaptiveCard),
      conversation: { conversationId: payload.conversationId, serviceUrl },
    };
  }
  // The language their Teams spoke to us last, else the directory's preferredLanguage.
  const context = cardContextFor(policy, firstKnownLanguage(state?.locale, payload.preferredLanguage), state?.time_zone);
  const today = localMoment(now, context.timeZone).date;
  const left = (deadline: string) => daysBetween(today, deadline);
  switch (payload.card) {
    case "reminder":
      return {
        activity: message(
          renderCard(
            "reminder",
            {
              kind: payload.kind,
              firstName: payload.firstName,
              deadline: payload.deadline,
              daysLeft: left(payload.deadline),
              methodsRegistered: [...payload.methodsRegistered],
              snoozeAvailable: (state?.snooze_count ?? 0) < policy.reminders.snooze.max,
              outboxId: row.id,
              userId: row.recipient_id,
            },
            context,
          ),
        ),
      };
    case "signInHelp":
      return {
        activity: message(
          renderCard(
            "signInHelp",
            { firstName: payload.firstName, app: payload.app, at: payload.at, outboxId: row.id, userId: row.recipient_id },
            context,
          ),
        ),
      };
    case "escalation":
      return {
        activity: message(
          renderCard(
            "escalation",
            {
              managerFirstName: payload.managerFirstName,
              person: {
                displayName: payload.person.displayName,
                userPrincipalName: payload.person.userPrincipalName,
                ...(payload.person.department ? { department: payload.person.department } : {}),
              },
              remindersSent: payload.remindersSent,
              deadline: payload.deadline,
              daysLeft: left(payload.deadline),
            },
            context,
          ),
        ),
      };
    case "digest":
      return {
        activity: message(
          renderCard(
            "digest",
            {
              managerFirstName: payload.managerFirstName,
              reports: payload.reports.map((r) => ({
                displayName: r.displayName,
                userPrincipalName: r.userPrincipalName,
                phase: r.phase,
                deadline: r.deadline,
                daysLeft: left(r.deadline),
                reminders: r.reminders,
                stoppedAtSignIn: r.stoppedAtSignIn ?? false,
              })),
              team: payload.team,
              organisation: payload.organisation,
              remindAvailable: true,
              digestId: row.id,
              managerId: row.recipient_id,
            },
            context,
          ),
        ),
      };
  }
}

function message(card: AdaptiveCard): Record<string, unknown> {
  return { type: "message", attachments: [cardAttachment(card)] };
}
