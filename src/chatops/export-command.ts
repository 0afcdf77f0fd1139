import { findExclusion } from "../campaign/find-exclusion.js";
import { findPhase } from "../campaign/find-phase.js";
import { isRegistered } from "../campaign/meets-requirement.js";
import { emptyHistory } from "../campaign/person.js";
import { recordAudit } from "../store/audit-log.js";
import { readLastActionTimes } from "../store/read-audit.js";
import type { Store } from "../store/open-store.js";
import { readAllPeople, readPeopleByIds } from "../store/read-people.js";
import { readHistories } from "../store/read-histories.js";
import { currentSnapshot } from "../store/sync-runs.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { CommandHandler } from "./command-context.js";
import type { Language } from "../cards/card-data.js";
import { csvSeparatorFor, toCsv } from "../reports/to-csv.js";

const header = ["UPN", "Name", "Department", "Manager", "Phase", "Deadline", "Registered", "Methods", "Reminders", "Last action"];

/** `/mfa export`: everyone in scope as CSV, delivered as a file in the chat (through a consent card). */
export const exportCommand: CommandHandler = async (_args, context) => {
  const csv = await exportCsv(context.store, context.policy, context.card.language);
  await recordAudit(context.store, new Date(context.now), {
    actorKind: "admin",
    actorId: context.actorId,
    action: "admin.export",
    detail: { bytes: csv.length },
  });
  const date = new Date(context.now).toISOString().slice(0, 10);
  return {
    kind: "file",
    name: `mfa-rollout-${date}.csv`,
    description: `MFA rollout: everyone in scope, ${date}`,
    content: Buffer.from(csv, "utf8"),
  };
};

/** The export's CSV, built a page of people at a time, with the separator Excel expects in the reader's language. */
export async function exportCsv(store: Store, policy: CampaignPolicy, language: Language): Promise<string> {
  const separator = csvSeparatorFor(language);
  const snapshot = await currentSnapshot(store);
  const rows: string[][] = [header];
  if (!snapshot) return toCsv(rows, separator);
  for await (const page of readAllPeople(store, snapshot.id)) {
    const scope = page.filter((p) => findExclusion(p, policy) === undefined && findPhase(p, policy.phases) !== undefined);
    if (scope.length === 0) continue;
    const ids = scope.map((p) => p.id);
    const [histories, managers, lastAction] = await Promise.all([
      readHistories(store, ids),
      readPeopleByIds(
        store,
        snapshot.id,
        scope.flatMap((p) => (p.managerId ? [p.managerId] : [])),
      ),
      readLastActionTimes(store, ids),
    ]);
    for (const person of scope) {
      const history = histories.get(person.id) ?? emptyHistory;
      const phase = findPhase(person, policy.phases)?.name ?? "";
      const registered = isRegistered(policy.requirement, person, history);
      rows.push([
        person.userPrincipalName,
        person.displayName ?? "",
        person.department ?? "",
        person.managerId ? (managers.get(person.managerId)?.userPrincipalName ?? "") : "",
        phase,
        history.phaseDeadlines[phase] ?? policy.phases.find((p) => p.name === phase)?.deadline ?? "",
        registered ? "yes" : "no",
        person.methodsRegistered.join(" "),
        String(history.remindersByPhase[phase] ?? 0),
        String(lastAction.get(person.id) ?? (history.lastReminderAt ? new Date(history.lastReminderAt).toISOString() : "")),
      ]);
    }
  }
  return toCsv(rows, separator);
}
