import { renderCard } from "../cards/render-card.js";
import { messageText } from "../cards/message-text.js";
import { assessPerson } from "../campaign/assess-person.js";
import { findExclusion } from "../campaign/find-exclusion.js";
import { findPhase } from "../campaign/find-phase.js";
import { daysBetween, localMoment } from "../campaign/local-calendar.js";
import { isRegistered } from "../campaign/meets-requirement.js";
import { emptyHistory, type Person } from "../campaign/person.js";
import type { Store } from "../store/open-store.js";
import { readAuditOf } from "../store/read-audit.js";
import { readMessagesAbout } from "../store/read-outbox.js";
import { findPerson, readPeopleByIds, searchPeopleByName } from "../store/read-people.js";
import { readHistories } from "../store/read-histories.js";
import { currentSnapshot } from "../store/sync-runs.js";
import type { CommandHandler } from "./command-context.js";

/** `/mfa user <UPN or name>`: one person's state, phase, deadline, and every reminder and action. */
export const userCommand: CommandHandler = async (args, context) => {
  const { store, policy, now } = context;
  const snapshot = await currentSnapshot(store);
  if (!args || !snapshot) return { kind: "text", text: messageText(context.card.language, "userUsage", {}) };
  const person = (await findPerson(store, snapshot.id, args)) ?? (await onlyMatch(store, snapshot.id, args));
  if (!person || Array.isArray(person)) {
    const names = (person ?? []).map((p) => `${p.displayName ?? ""} (${p.userPrincipalName})`).join(", ");
    return { kind: "text", text: messageText(context.card.language, names ? "userAmbiguous" : "userNotFound", { query: args, names }) };
  }
  const history = (await readHistories(store, [person.id])).get(person.id) ?? emptyHistory;
  const manager = person.managerId ? (await readPeopleByIds(store, snapshot.id, [person.managerId])).get(person.managerId) : undefined;
  const phase = findPhase(person, policy.phases);
  const assessment = assessPerson(person, history, policy, now, false);
  const deadline =
    "standing" in assessment
      ? assessment.standing.deadline
      : (assessment.skip.deadline ?? history.phaseDeadlines[phase?.name ?? ""] ?? null);
  const registered = isRegistered(policy.requirement, person, history);
  return {
    kind: "card",
    card: renderCard(
      "user",
      {
        displayName: person.displayName ?? person.userPrincipalName,
        userPrincipalName: person.userPrincipalName,
        department: person.department,
        managerName: manager?.displayName ?? null,
        registered,
        methodsRegistered: [...person.methodsRegistered],
        excludedBecause: findExclusion(person, policy)?.reason ?? null,
        phase: phase?.name ?? null,
        deadline,
        daysLeft: deadline ? daysBetween(localMoment(now, policy.timeZone).date, deadline) : null,
        unreachable:
          history.unreachableUntil !== undefined && history.unreachableUntil > now ? { code: history.unreachableCode ?? null } : null,
        events: await eventsOf(store, person.id),
      },
      context.card,
    ),
  };
};

async function onlyMatch(store: Store, snapshotId: string, name: string): Promise<Person | Person[] | undefined> {
  const found = await searchPeopleByName(store, snapshotId, name, 6);
  return found.length === 1 ? found[0] : found.length > 1 ? found : undefined;
}

const actionWords: Record<string, string> = {
  "person.snoozed": "Pressed Remind me later",
  "person.snoozeRefused": "Asked to snooze again; no snoozes left",
  "person.askedForHelp": "Pressed I need help",
  "person.noSmartphone": "Pressed No smartphone?",
  "person.claimedDone": "Pressed I've done it; nothing sufficient registered yet",
  "person.confirmedRegistered": "Pressed I've done it; registration confirmed",
  "person.unreachable": "Teams refused delivery",
  "app.installed": "Bot installed for them through Graph",
  "card.refused": "Someone else tried to use their card (refused)",
  "admin.remind": "An admin asked for a reminder",
};

/** Reminders and actions, oldest first, worded for the card. */
async function eventsOf(store: Store, userId: string): Promise<{ at: string; what: string }[]> {
  const [messages, audit] = await Promise.all([readMessagesAbout(store, userId), readAuditOf(store, userId)]);
  const events = [
    ...messages.map((m) => ({
      at: m.sent_at ?? m.created_at,
      what:
        m.kind === "escalation"
          ? `Manager told (${m.status})`
          : `Reminder ${m.step ?? ""}: ${m.status === "sent" ? "sent" : m.status === "pending" ? "queued" : m.status}`,
    })),
    ...audit.map((a) => ({ at: a.at, what: actionWords[a.action] ?? a.action })),
  ];
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
