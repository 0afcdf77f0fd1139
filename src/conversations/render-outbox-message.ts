import { cardAttachment, renderCard } from "../cards/render-card.js";
import { daysBetween, localMoment } from "../campaign/local-calendar.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { OutboxPayload } from "../jobs/reminder-payload.js";
import type { Store } from "../store/open-store.js";
import type { OutboxRow } from "../store/outbox.js";
import { readPersonState } from "../store/people-state.js";
import { cardContextFor } from "./card-context.js";

/**
 * The activity for an outbox row, rendered at send time: the days left are counted on the day it
 * is actually sent, in the recipient's own time zone as Teams last told us.
 */
export async function renderOutboxMessage(store: Store, policy: CampaignPolicy, row: OutboxRow, now: number): Promise<Record<string, unknown>> {
  const payload = JSON.parse(row.payload) as OutboxPayload;
  const state = await readPersonState(store, row.recipient_id);
  const context = cardContextFor(policy, payload.preferredLanguage, state?.time_zone);
  const daysLeft = daysBetween(localMoment(now, context.timeZone).date, payload.deadline);
  const card =
    payload.card === "reminder"
      ? renderCard(
          "reminder",
          {
            kind: payload.kind,
            firstName: payload.firstName,
            deadline: payload.deadline,
            daysLeft,
            methodsRegistered: [...payload.methodsRegistered],
            snoozeAvailable: (state?.snooze_count ?? 0) < policy.reminders.snooze.max,
            outboxId: row.id,
            userId: row.recipient_id,
          },
          context,
        )
      : renderCard(
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
            daysLeft,
          },
          context,
        );
  return { type: "message", attachments: [cardAttachment(card)] };
}
