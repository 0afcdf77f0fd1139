import { renderCard } from "../cards/render-card.js";
import { emptyHistory, type Person } from "../campaign/person.js";
import type { OutboxPayload } from "../delivery/outbox-payload.js";
import { queueManualReminder } from "../jobs/queue-manual-reminder.js";
import { isPaused } from "../store/app-state.js";
import { recordAudit } from "../store/audit-log.js";
import { readHistories } from "../store/read-histories.js";
import { readPeopleByIds } from "../store/read-people.js";
import { currentSnapshot } from "../store/sync-runs.js";
import { cardContextFor } from "../cards/card-context.js";
import { firstKnownLanguage } from "../cards/pick-language.js";
import type { CardActionDeps, CardActionResult, CardPress } from "./card-press.js";

/**
 * "Remind them now" on a manager's digest: a reminder for each person it lists, bounded by the
 * same rules as any reminder (not registered, not snoozed, one a day, in their own hours). The
 * recipient check (only the manager the digest went to) is answerCardAction's.
 */
export async function answerDigestAction(press: CardPress, deps: CardActionDeps): Promise<CardActionResult> {
  const { store, policy } = deps;
  const now = deps.now();
  const actorId = press.row.recipient_id;
  const payload = JSON.parse(press.row.payload) as Extract<OutboxPayload, { card: "digest" }>;
  const snapshot = await currentSnapshot(store);
  const ids = payload.reports.map((r) => r.personId);
  const people = snapshot ? await readPeopleByIds(store, snapshot.id, ids) : new Map<string, Person>();
  const histories = await readHistories(store, ids);
  const paused = await isPaused(store);
  let reminded = 0;
  for (const id of ids) {
    const person = people.get(id);
    if (!person) continue;
    reminded += (await queueManualReminder(store, policy, person, histories.get(id) ?? emptyHistory, paused, now)).queued;
  }
  await recordAudit(store, new Date(now), {
    actorKind: "user",
    actorId,
    action: "manager.remindedTeam",
    detail: { reminded, listed: ids.length },
  });
  if (reminded > 0) deps.deliverSoon();
  const manager = snapshot ? (await readPeopleByIds(store, snapshot.id, [actorId])).get(actorId) : undefined;
  const history = (await readHistories(store, [actorId])).get(actorId);
  return {
    card: renderCard(
      "digestReminded",
      { reminded, skipped: ids.length - reminded },
      cardContextFor(policy, firstKnownLanguage(press.locale, manager?.preferredLanguage), history?.timeZone),
    ),
  };
}
