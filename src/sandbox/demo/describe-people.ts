import { DateTime } from "luxon";
import type { OutboxPayload } from "../../delivery/outbox-payload.js";
import { countActions } from "../../store/read-audit.js";
import { readAllMessages } from "../../store/read-outbox.js";
import type { DemoDay, DemoMessage, DemoPerson, DemoReportData } from "./report/demo-report-data.js";
import { cardOf } from "./card-buttons.js";
import type { DemoWorld } from "./demo-world.js";

export interface DemoOutcome {
  readonly size: number;
  readonly seed: number;
  readonly days: DemoDay[];
  readonly replies: ReadonlyMap<string, DemoMessage[]>;
  readonly registeredOn: ReadonlyMap<string, string>;
  /** YYYY-MM-DD: from this day Entra ID stops people without a second method at sign-in. */
  readonly enforcementDate: string | null;
  readonly startedAt: number;
  readonly endedAt: number;
}

/** What each person received and how their campaign ended, for the demo's report. */
export async function describePeople(world: DemoWorld, outcome: DemoOutcome): Promise<DemoReportData> {
  const store = world.runtime.store;
  const rows = await readAllMessages(store);
  const byActivity = new Map(rows.filter((r) => r.activity_id).map((r) => [r.activity_id as string, r]));
  const messages = new Map<string, DemoMessage[]>();
  const add = (userId: string, message: DemoMessage) => messages.set(userId, [...(messages.get(userId) ?? []), message]);

  for (const activity of world.connector.activities) {
    const card = cardOf(activity.activity);
    if (!card) continue;
    const at = new Date(activity.at).toISOString();
    const row = byActivity.get(activity.id);
    if (activity.conversationId === world.policy.helpdesk.conversationId) {
      add("helpdesk", { at, kind: "helpdesk", label: "Posted to the service desk channel", card });
    } else if (row) {
      const payload = JSON.parse(row.payload) as OutboxPayload;
      const label =
        payload.card === "reminder"
          ? reminderLabel(payload.kind, row.step ?? "")
          : payload.card === "signInHelp"
            ? `Help after being stopped at sign-in to ${payload.app}`
            : payload.card === "escalation"
              ? `Escalation: ${payload.person.displayName} has not registered`
              : payload.card === "digest"
                ? `Weekly digest: ${payload.reports.length} of their people not registered`
                : "Posted to a channel";
      const toThem = payload.card === "reminder" || payload.card === "signInHelp";
      add(activity.userId, { at, kind: toThem ? "reminder" : "escalation", label, card });
    }
  }
  for (const [userId, list] of outcome.replies) for (const m of list) add(userId, m);

  const unreachable = new Set(rows.filter((r) => r.status === "unreachable").map((r) => r.recipient_id));
  const people: DemoPerson[] = [];
  for (const [userId, list] of messages) {
    list.sort((a, b) => a.at.localeCompare(b.at));
    const user = world.tenant.userById(userId);
    const reminders = list.filter((m) => m.kind === "reminder").length;
    const registered = outcome.registeredOn.get(userId) ?? null;
    people.push({
      id: userId,
      displayName: user?.displayName ?? "Contoso Service Desk (channel)",
      userPrincipalName: user?.userPrincipalName ?? world.policy.helpdesk.conversationId ?? "",
      department: user?.department ?? null,
      outcome: !user
        ? `${list.length} help requests posted`
        : registered
          ? `Registered on ${DateTime.fromISO(registered).toFormat("ccc d LLL")} after ${reminders} reminder${reminders === 1 ? "" : "s"}`
          : reminders > 0
            ? `Not registered after ${reminders} reminders`
            : `Manager: ${list.length} escalation${list.length === 1 ? "" : "s"}`,
      registeredOn: registered,
      messages: list,
    });
  }
  const excluded = world.tenant.users.filter((u) => u.kind === "breakGlass" || u.kind === "service");
  for (const u of excluded) {
    people.push({
      id: u.id,
      displayName: u.displayName,
      userPrincipalName: u.userPrincipalName,
      department: u.department,
      outcome: u.kind === "breakGlass" ? "Excluded: break-glass account, never reminded" : "Excluded: service account, never reminded",
      registeredOn: null,
      messages: [],
    });
  }
  const actions = await countActions(store, ["person.snoozed", "person.askedForHelp"]);
  const helpCards = rows.filter((r) => r.kind === "reminder" && r.status === "sent" && (r.step ?? "").startsWith("signin-"));
  const helpedOn = new Map<string, string>();
  for (const r of helpCards) {
    const day = (r.step ?? "").slice("signin-".length);
    if (!helpedOn.has(r.recipient_id) || day < (helpedOn.get(r.recipient_id) ?? "")) helpedOn.set(r.recipient_id, day);
  }
  const stopped = new Set(world.tenant.signInLog.filter((s) => s.errorCode !== 0).map((s) => s.userId));
  return {
    campaignName: world.policy.name,
    tenantSize: outcome.size,
    seed: outcome.seed,
    startedAt: new Date(outcome.startedAt).toISOString(),
    endedAt: new Date(outcome.endedAt).toISOString(),
    days: outcome.days,
    people,
    totals: {
      reminders: rows.filter((r) => r.kind === "reminder" && r.status === "sent").length,
      escalations: rows.filter((r) => r.kind === "escalation" && r.status === "sent").length,
      snoozes: actions.get("person.snoozed") ?? 0,
      helpRequests: actions.get("person.askedForHelp") ?? 0,
      unreachable: unreachable.size,
      excluded: excluded.length,
    },
    enforcement:
      outcome.enforcementDate === null
        ? null
        : {
            date: outcome.enforcementDate,
            peopleStopped: stopped.size,
            helpCards: helpCards.length,
            peopleHelped: helpedOn.size,
            // Registered on or after the day of their first help card.
            registeredAfterHelp: [...helpedOn].filter(([id, day]) => (outcome.registeredOn.get(id) ?? "") >= day).length,
          },
  };
}

function reminderLabel(kind: string, step: string): string {
  const days = /^d-(\d+)$/.exec(step)?.[1];
  switch (kind) {
    case "first":
      return `First reminder${days ? ` (${days} days before the deadline)` : ""}`;
    case "dueToday":
      return "Reminder on the day of the deadline";
    case "overdue":
      return `Overdue reminder${step.startsWith("o-") ? ` ${step.slice(2)}` : ""}`;
    default:
      return step.startsWith("snooze-") ? "Reminder after a snooze" : `Reminder${days ? ` (${days} days before the deadline)` : ""}`;
  }
}
