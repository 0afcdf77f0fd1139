import type { Logger } from "pino";
import { renderCard } from "../cards/render-card.js";
import { emptyHistory, type Person } from "../campaign/person.js";
import { planManualReminder } from "../campaign/plan-manual-reminder.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { OutboxPayload } from "../delivery/outbox-payload.js";
import { queueDecisions } from "../jobs/queue-decisions.js";
import { isPaused } from "../store/app-state.js";
import { recordAudit } from "../store/audit-log.js";
import { readMessage } from "../store/read-message.js";
import type { Store } from "../store/open-store.js";
import { readHistories } from "../store/read-histories.js";
import { readPeopleByIds } from "../store/read-people.js";
import { currentSnapshot } from "../store/sync-runs.js";
import { cardContextFor } from "../cards/card-context.js";
import { messageText } from "../cards/message-text.js";
import { firstKnownLanguage, pickLanguage } from "../cards/pick-language.js";
import type { CardActionResult } from "./answer-card-action.js";

export interface DigestActionDeps {
  readonly store: Store;
  readonly policy: CampaignPolicy;
  readonly now: () => number;
  readonly log: Logger;
  readonly deliverSoon: () => void;
}

/**
 * "Remind them now" on a manager's digest: a reminder for each person it lists, bounded by the
 * same rules as any reminder (not registered, not snoozed, one a day, in their own hours). Only
 * the manager the digest was sent to may press it.
 */
export async function answerDigestAction(
  data: unknown,
  actorId: string | undefined,
  deps: DigestActionDeps,
  locale?: string,
): Promise<CardActionResult> {
  const { store, policy } = deps;
  const now = deps.now();
  const { digestId, managerId } = (typeof data === "object" && data !== null ? data : {}) as { digestId?: unknown; managerId?: unknown };
  const row =
    typeof digestId === "string" ? await readMessage(store, digestId) : undefined;
  if (!row || row.kind !== "digest") return { message: messageText(pickLanguage(locale), "digestOutdated") };
  if (!actorId || actorId !== row.recipient_id || managerId !== row.recipient_id) {
    await recordAudit(store, new Date(now), {
      actorKind: "user",
      ...(actorId ? { actorId } : {}),
      action: "card.refused",
      subjectId: row.recipient_id,
      detail: { verb: "remindTeam" },
    });
    return { message: messageText(pickLanguage(locale), "notYourCard") };
  }
  const payload = JSON.parse(row.payload) as Extract<OutboxPayload, { card: "digest" }>;
  const snapshot = await currentSnapshot(store);
  const ids = payload.reports.map((r) => r.personId);
  const people = snapshot ? await readPeopleByIds(store, snapshot.id, ids) : new Map<string, Person>();
  const histories = await readHistories(store, ids);
  const paused = await isPaused(store);
  let reminded = 0;
  for (const id of ids) {
    const person = people.get(id);
    if (!person) continue;
    const planned = planManualReminder(person, histories.get(id) ?? emptyHistory, policy, now, paused);
    if (planned.decision.action !== "remind" || !("notBefore" in planned)) continue;
    reminded += await queueDecisions(
      store,
      { due: [planned.decision], people: new Map([[id, person]]) },
      new Date(now),
      new Date(planned.notBefore),
    );
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
      cardContextFor(policy, firstKnownLanguage(locale, manager?.preferredLanguage), history?.timeZone),
    ),
  };
}
