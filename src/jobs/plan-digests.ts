import { DateTime } from "luxon";
import { findExclusion } from "../campaign/find-exclusion.js";
import { findPhase } from "../campaign/find-phase.js";
import { isValidZone } from "../campaign/local-calendar.js";
import { isRegistered } from "../campaign/meets-requirement.js";
import type { Person } from "../campaign/person.js";
import { weekdays, type CampaignPolicy } from "../campaign/policy.js";
import { findPending } from "../reports/find-pending.js";
import { isPaused } from "../store/app-state.js";
import type { Store } from "../store/open-store.js";
import { queueMessages, type NewMessage } from "../store/outbox.js";
import { readAllPeople, readPeopleByIds } from "../store/read-people.js";
import { readHistories } from "../store/read-histories.js";
import { currentSnapshot } from "../store/sync-runs.js";
import { firstNameOf, type DigestReport, type OutboxPayload } from "../delivery/outbox-payload.js";

/**
 * The weekly digest: each manager with at least one direct report in scope who has not
 * registered gets one card listing exactly those people, on the campaign's digest day at its time
 * in the manager's own time zone. Nobody else gets one. One a week per manager (the ISO week is in
 * the outbox key). Returns how many were queued.
 */
export async function planDigests(store: Store, policy: CampaignPolicy, now: number): Promise<number> {
  if (!policy.digest.enabled || (await isPaused(store))) return 0;
  // Time zones span about a day either side of the campaign's: outside that, no manager is due.
  const campaignDay = DateTime.fromMillis(now, { zone: policy.timeZone });
  const near = [-1, 0, 1].map((d) => weekdays[(campaignDay.plus({ days: d }).weekday + 6) % 7]);
  if (!near.includes(policy.digest.day)) return 0;
  const snapshot = await currentSnapshot(store);
  if (!snapshot) return 0;

  const pending = await findPending(store, policy, now);
  const byManager = new Map<string, typeof pending>();
  for (const p of pending) {
    if (!p.person.managerId) continue;
    byManager.set(p.person.managerId, [...(byManager.get(p.person.managerId) ?? []), p]);
  }
  if (byManager.size === 0) return 0;
  const managers = await readPeopleByIds(store, snapshot.id, [...byManager.keys()]);
  const managerStates = await readHistories(store, [...managers.keys()]);
  const teams = await teamFigures(store, snapshot.id, policy, new Set(byManager.keys()));
  const messages: NewMessage[] = [];
  for (const [managerId, reports] of byManager) {
    const manager = managers.get(managerId);
    if (!manager || !manager.accountEnabled || findExclusion(manager, policy) !== undefined) continue;
    const zone = managerStates.get(managerId)?.timeZone;
    const local = DateTime.fromMillis(now, { zone: zone && isValidZone(zone) ? zone : policy.timeZone });
    if (weekdays[local.weekday - 1] !== policy.digest.day || local.hour * 60 + local.minute < policy.digest.minute) continue;
    const payload: OutboxPayload = {
      card: "digest",
      managerFirstName: firstNameOf(manager),
      preferredLanguage: manager.preferredLanguage,
      reports: reports.map((r): DigestReport => ({
        personId: r.person.id,
        displayName: r.person.displayName ?? r.person.userPrincipalName,
        userPrincipalName: r.person.userPrincipalName,
        phase: r.phase,
        deadline: r.deadline ?? r.provisionalDeadline,
        reminders: r.reminders,
      })),
      team: teams.team.get(managerId) ?? { members: reports.length, registered: 0 },
      organisation: teams.organisation,
    };
    messages.push({
      kind: "digest",
      userId: managerId,
      recipientId: managerId,
      phase: null,
      step: null,
      payload,
      dedupeKey: `digest:${managerId}:${local.toISOWeekDate()?.slice(0, 8) ?? ""}`,
    });
  }
  return (await queueMessages(store, messages, new Date(now))).length;
}

/** Direct reports in scope per manager, and the whole organisation's scope, with how many registered. */
async function teamFigures(store: Store, snapshotId: string, policy: CampaignPolicy, managerIds: ReadonlySet<string>) {
  const team = new Map<string, { members: number; registered: number }>();
  const organisation = { members: 0, registered: 0 };
  for await (const page of readAllPeople(store, snapshotId)) {
    const histories = await readHistories(
      store,
      page.filter((p) => p.managerId && managerIds.has(p.managerId)).map((p) => p.id),
    );
    for (const person of page) {
      if (!inScope(person, policy)) continue;
      const registered = isRegistered(policy.requirement, person, histories.get(person.id));
      organisation.members += 1;
      if (registered) organisation.registered += 1;
      if (person.managerId && managerIds.has(person.managerId)) {
        const t = team.get(person.managerId) ?? { members: 0, registered: 0 };
        t.members += 1;
        if (registered) t.registered += 1;
        team.set(person.managerId, t);
      }
    }
  }
  return { team, organisation };
}

function inScope(person: Person, policy: CampaignPolicy): boolean {
  return findExclusion(person, policy) === undefined && findPhase(person, policy.phases) !== undefined;
}
