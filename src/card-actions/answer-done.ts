import type { Logger } from "pino";
import type { AdaptiveCard } from "../cards/adaptive-card.js";
import type { CardContext } from "../cards/card-data.js";
import { renderCard } from "../cards/render-card.js";
import { meetsRequirement } from "../campaign/meets-requirement.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { OutboxPayload } from "../delivery/outbox-payload.js";
import type { LiveMethods } from "../graph/authentication-methods.js";
import { recordAudit } from "../store/audit-log.js";
import { cancelPendingMessages } from "../store/cancel-pending-messages.js";
import type { Store } from "../store/open-store.js";
import type { OutboxRow } from "../store/outbox.js";
import { updatePersonState } from "../store/people-state.js";
import { readPeopleByIds } from "../store/read-people.js";
import { currentSnapshot } from "../store/sync-runs.js";
import { settleWithin } from "../time/settle-within.js";

/*
 * Teams gives a bot five seconds to answer an invoke before it retries and then shows "Unable to
 * reach app" (msteams-docs, "Respond to the dialog submit action"). The live check waits in the
 * identity reports' lane (5 requests per 10 s), so it gets three seconds and the rest is margin.
 */
const defaultBudgetMs = 3000;

export interface DoneDeps {
  readonly store: Store;
  readonly policy: CampaignPolicy;
  readonly now: () => number;
  readonly log: Logger;
  /** Live methods of one person (Graph's /authentication/methods). */
  readonly liveMethods: (userId: string) => Promise<LiveMethods>;
  readonly liveCheckBudgetMs?: number;
  /** Replaces a sent message's card for everyone, on every device (updateActivity): an invoke's answer changes one client only. */
  readonly replaceCard?: (message: { userId: string; conversationId: string; activityId: string }, card: AdaptiveCard) => Promise<void>;
  /** Runs work after the button is answered. */
  readonly later?: (work: () => Promise<void>) => void;
}

export interface DoneRequest {
  readonly row: OutboxRow;
  readonly payload: Extract<OutboxPayload, { card: "reminder" | "signInHelp" }>;
  readonly context: CardContext;
  readonly daysLeft: number;
  readonly snoozeAvailable: boolean;
}

/**
 * "I've done it": checks the person live and answers with a thank-you (which then replaces the
 * reminder everywhere), or with what is still missing. A live check too slow for Teams' invoke
 * deadline is answered "checking", and the card is replaced when the check is done. What the live
 * check cannot see (a hardware token: not in Graph v1.0) the last report may already show.
 */
export async function answerDone(request: DoneRequest, deps: DoneDeps): Promise<{ card: AdaptiveCard }> {
  const { row, payload, context } = request;
  const ids = { outboxId: row.id, userId: row.recipient_id };
  const replaceEverywhere = (card: AdaptiveCard) => {
    const { conversation_id: conversationId, activity_id: activityId } = row;
    if (!deps.replaceCard || !conversationId || !activityId) return Promise.resolve();
    return deps.replaceCard({ userId: row.recipient_id, conversationId, activityId }, card);
  };
  const check = checkRegistration(request, deps);
  const settled = await settleWithin(check, deps.liveCheckBudgetMs ?? defaultBudgetMs);
  if (settled.done) {
    if (settled.value.registered) deps.later?.(() => replaceEverywhere(settled.value.card));
    return { card: settled.value.card };
  }
  deps.later?.(async () => replaceEverywhere((await check).card));
  return { card: renderCard("checking", { state: "checking", firstName: payload.firstName, ...ids }, context) };
}

async function checkRegistration(request: DoneRequest, deps: DoneDeps): Promise<{ card: AdaptiveCard; registered: boolean }> {
  const { row, payload, context } = request;
  const { store, policy } = deps;
  const userId = row.recipient_id;
  const ids = { outboxId: row.id, userId };
  let live: LiveMethods | undefined;
  try {
    live = await deps.liveMethods(userId);
  } catch (error) {
    deps.log.warn({ err: error, userId }, "live check of registration failed; falling back to the report");
  }
  const now = new Date(deps.now());
  const audit = (action: string, detail: Record<string, unknown>) =>
    recordAudit(store, now, { actorKind: "user", actorId: userId, action, subjectId: userId, detail });
  const reported = await reportedMethods(store, userId);
  const liveEnough = live !== undefined && meetsRequirement(policy.requirement, false, live.methods);
  const reportEnough = reported !== undefined && meetsRequirement(policy.requirement, reported.isMfaRegistered, reported.methods);

  if (liveEnough || reportEnough) {
    const methods = [...new Set([...(live?.methods ?? []), ...(reportEnough ? (reported?.methods ?? []) : [])])];
    await updatePersonState(store, userId, now, { confirmed_registered_at: now.toISOString() });
    // Nothing still queued for them should go out now.
    await cancelPendingMessages(store, userId, "registered");
    await audit("person.confirmedRegistered", { methods, source: liveEnough ? "live" : "report" });
    return { card: renderCard("thankYou", { firstName: payload.firstName, methodsRegistered: methods }, context), registered: true };
  }
  if (live === undefined) {
    await audit("person.checkFailed", {});
    return { card: renderCard("checking", { state: "later", firstName: payload.firstName, ...ids }, context), registered: false };
  }
  await audit("person.claimedDone", { methods: live.methods, ...(live.unknownTypes.length ? { unknownTypes: live.unknownTypes } : {}) });
  const card = renderCard(
    "stillMissing",
    {
      ...payload,
      // The card states the consequence as of the press, not as of the step the pressed card was sent
      // at (a reminder from the day before the deadline, pressed after it, is overdue); the sign-in
      // help card has no step at all.
      kind: request.daysLeft < 0 ? "overdue" : "upcoming",
      methodsRegistered: live.methods,
      methodsFound: live.methods,
      daysLeft: request.daysLeft,
      snoozeAvailable: request.snoozeAvailable,
      // Graph v1.0 does not list hardware OATH tokens; the report does, within hours.
      hardwareTokenNote: policy.requirement !== "phishingResistant",
      ...ids,
    },
    context,
  );
  return { card, registered: false };
}

/** What the last complete sync's report says about them, if it lists them. */
async function reportedMethods(
  store: Store,
  userId: string,
): Promise<{ methods: readonly string[]; isMfaRegistered: boolean } | undefined> {
  const snapshot = await currentSnapshot(store);
  const person = snapshot ? (await readPeopleByIds(store, snapshot.id, [userId])).get(userId) : undefined;
  return person ? { methods: person.methodsRegistered, isMfaRegistered: person.isMfaRegistered } : undefined;
}
