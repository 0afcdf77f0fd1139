import type { Person } from "../campaign/person.js";
import type { Store } from "../store/open-store.js";
import type { NewMessage } from "../store/outbox.js";
import { queueWithDeadlines, type PhaseDeadline } from "../store/queue-with-deadlines.js";
import type { PlanPage } from "./plan-campaign.js";
import { firstNameOf, type OutboxPayload } from "../delivery/outbox-payload.js";

/**
 * Turns a page of due decisions into outbox rows, and fixes the per-person deadlines that first
 * reminders set, in one transaction: a crash leaves both or neither. Rows already queued (same
 * step) are not queued again. Returns how many rows were new.
 */
export async function queueDecisions(store: Store, page: PlanPage, now: Date, notBefore?: Date): Promise<number> {
  const messages: NewMessage[] = [];
  const deadlines: PhaseDeadline[] = [];
  for (const d of page.due) {
    const person = page.people.get(d.userId);
    if (!person) continue;
    if (d.action === "remind") {
      const payload: OutboxPayload = d.signIn
        ? {
            card: "signInHelp",
            firstName: firstNameOf(person),
            preferredLanguage: person.preferredLanguage,
            app: d.signIn.app,
            at: d.signIn.at,
          }
        : {
            card: "reminder",
            kind: d.kind,
            deadline: d.deadline,
            firstName: firstNameOf(person),
            preferredLanguage: person.preferredLanguage,
            methodsRegistered: person.methodsRegistered,
          };
      messages.push({
        kind: "reminder",
        userId: d.userId,
        recipientId: d.userId,
        phase: d.phase,
        step: d.step,
        payload,
        ...(notBefore ? { notBefore } : {}),
      });
      if (d.fixesDeadline) deadlines.push({ user_id: d.userId, phase: d.phase, deadline: d.deadline, set_at: now.toISOString() });
    } else {
      const manager = page.people.get(d.managerId);
      if (!manager) continue;
      messages.push({
        kind: "escalation",
        userId: d.userId,
        recipientId: d.managerId,
        phase: d.phase,
        step: d.step,
        payload: escalationPayload(person, manager, d.deadline, d.remindersSent),
      });
    }
  }
  return queueWithDeadlines(store, messages, deadlines, now);
}

function escalationPayload(person: Person, manager: Person, deadline: string, remindersSent: number): OutboxPayload {
  return {
    card: "escalation",
    deadline,
    managerFirstName: firstNameOf(manager),
    preferredLanguage: manager.preferredLanguage,
    person: {
      id: person.id,
      displayName: person.displayName ?? person.userPrincipalName,
      userPrincipalName: person.userPrincipalName,
      department: person.department,
    },
    remindersSent,
  };
}
