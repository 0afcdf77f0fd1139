import { DateTime } from "luxon";
import { findExclusion } from "../campaign/find-exclusion.js";
import { isValidZone, localMoment } from "../campaign/local-calendar.js";
import { emptyHistory } from "../campaign/person.js";
import { weekdays, type CampaignPolicy } from "../campaign/policy.js";
import { byUrgency, describePending, type PendingPerson } from "../reports/describe-pending.js";
import type { Figures } from "../reports/status-summary.js";
import { isPaused } from "../store/app-state.js";
import type { Store } from "../store/open-store.js";
import { queueMessages, type NewMessage } from "../store/outbox.js";
import { readPeopleByIds } from "../store/read-people.js";
import { readHistories } from "../store/read-histories.js";
import { currentSnapshot } from "../store/sync-runs.js";
import { firstNameOf, type DigestReport, type OutboxPayload } from "../delivery/outbox-payload.js";
import type { PeopleVisitor } from "./plan-campaign.js";

/** What the campaign pass gathers for the digests, so nobody is read again to write them. */
export interface DigestInputs {
  /** Each manager's direct reports in scope and not registered, most urgent first once sorted. */
  readonly pendingByManager: Map<string, PendingPerson[]>;
  readonly teamOf: (managerId: string) => Figures;
  readonly organisation: Figures;
}

/**
 * Whether any manager's digest can be due now: time zones span about a day either side of the
 * campaign's, so outside that nobody is, and the pass need not gather anything.
 */
export async function digestsMayBeDue(store: Store, policy: CampaignPolicy, now: number): Promise<boolean> {
  if (!policy.digest.enabled || (await isPaused(store))) return false;
  const campaignDay = DateTime.fromMillis(now, { zone: policy.timeZone });
  const near = [-1, 0, 1].map((d) => weekdays[(campaignDay.plus({ days: d }).weekday + 6) % 7]);
  return near.includes(policy.digest.day);
}

/** A visitor for the campaign pass that gathers each manager's pending direct reports. */
export function gatherPendingByManager(policy: CampaignPolicy, now: number, into: Map<string, PendingPerson[]>): PeopleVisitor {
  const today = localMoment(now, policy.timeZone).date;
  return (people, histories) => {
    for (const person of people) {
      if (!person.managerId) continue;
      const pending = describePending(person, histories.get(person.id) ?? emptyHistory, policy, now, today);
      if (pending) into.set(person.managerId, [...(into.get(person.managerId) ?? []), pending]);
    }
  };
}

/**
 * The weekly digest: each manager with at least one direct report in scope who has not
 * registered gets one card listing exactly those people, on the campaign's digest day at its time
 * in the manager's own time zone. Nobody else gets one. One a week per manager (the ISO week is in
 * the outbox key). Returns how many were queued.
 */
export async function planDigests(store: Store, policy: CampaignPolicy, now: number, inputs: DigestInputs): Promise<number> {
  const byManager = inputs.pendingByManager;
  if (byManager.size === 0) return 0;
  const snapshot = await currentSnapshot(store);
  if (!snapshot) return 0;
  const managers = await readPeopleByIds(store, snapshot.id, [...byManager.keys()]);
  const managerStates = await readHistories(store, [...managers.keys()]);
  const messages: NewMessage[] = [];
  for (const [managerId, unsorted] of byManager) {
    const reports = [...unsorted].sort(byUrgency);
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
        stoppedAtSignIn: r.stopped !== null,
      })),
      team: inputs.teamOf(managerId),
      organisation: inputs.organisation,
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
