import { renderCard } from "../cards/render-card.js";
import { daysBetween, localMoment } from "../campaign/local-calendar.js";
import { planSnooze } from "../campaign/plan-snooze.js";
import type { OutboxPayload } from "../delivery/outbox-payload.js";
import { recordAudit } from "../store/audit-log.js";
import type { Store } from "../store/open-store.js";
import { recordSnooze, updatePersonState } from "../store/people-state.js";
import { readHistories } from "../store/read-histories.js";
import { readPeopleByIds } from "../store/read-people.js";
import { currentSnapshot } from "../store/sync-runs.js";
import { cardContextFor } from "../cards/card-context.js";
import { firstKnownLanguage } from "../cards/pick-language.js";
import { answerDone } from "./answer-done.js";
import type { CardActionDeps, CardActionResult, CardPress } from "./card-press.js";

type ReminderPayload = Extract<OutboxPayload, { card: "reminder" }>;

/** What every button on a reminder works with; reading it records that the person answered. */
async function readReminderPress(press: CardPress, deps: CardActionDeps) {
  const { store, policy } = deps;
  const now = new Date(deps.now());
  const userId = press.row.recipient_id;
  const payload = JSON.parse(press.row.payload) as ReminderPayload;
  const history = (await readHistories(store, [userId])).get(userId);
  const context = cardContextFor(policy, firstKnownLanguage(press.locale, payload.preferredLanguage), history?.timeZone);
  const daysLeft = daysBetween(localMoment(now.getTime(), context.timeZone).date, payload.deadline);
  const ids = { outboxId: press.row.id, userId };
  const audit = (action: string, detail?: Record<string, unknown>) =>
    recordAudit(store, now, { actorKind: "user", actorId: userId, action, subjectId: userId, ...(detail ? { detail } : {}) });
  await updatePersonState(store, userId, now, { last_answer_at: now.toISOString() });
  return { now, userId, payload, history, context, daysLeft, ids, audit };
}

/** "I've done it": see answerDone. */
export async function answerDoneButton(press: CardPress, deps: CardActionDeps): Promise<CardActionResult> {
  const { payload, history, context, daysLeft } = await readReminderPress(press, deps);
  const snoozeAvailable = (history?.snoozeCount ?? 0) < deps.policy.reminders.snooze.max;
  return answerDone({ row: press.row, payload, context, daysLeft, snoozeAvailable }, deps);
}

/** "Remind me later": a snooze within the policy's limits, or the card saying none is left. */
export async function answerSnooze(press: CardPress, deps: CardActionDeps): Promise<CardActionResult> {
  const { now, userId, payload, history, context, ids, audit } = await readReminderPress(press, deps);
  const outcome = history ? planSnooze(deps.policy, history, payload.deadline, now.getTime()) : undefined;
  if (!outcome?.granted) {
    await audit("person.snoozeRefused");
    return {
      card: renderCard("snoozed", { until: now.toISOString(), snoozesLeft: 0, refused: true, deadline: payload.deadline, ...ids }, context),
    };
  }
  await recordSnooze(deps.store, userId, new Date(outcome.until), now);
  await audit("person.snoozed", { until: new Date(outcome.until).toISOString() });
  return {
    card: renderCard(
      "snoozed",
      {
        until: new Date(outcome.until).toISOString(),
        snoozesLeft: outcome.snoozesLeft,
        refused: false,
        deadline: payload.deadline,
        ...ids,
      },
      context,
    ),
  };
}

/** "I need help": the helpdesk is told (when it has a channel), the person that it was. */
export async function answerHelp(press: CardPress, deps: CardActionDeps): Promise<CardActionResult> {
  const { now, userId, payload, context, daysLeft, audit } = await readReminderPress(press, deps);
  await audit("person.askedForHelp");
  if (deps.notifyHelpdesk) await notify(deps, deps.store, userId, payload, daysLeft, now);
  return { card: renderCard("helpRequested", {}, context) };
}

/** "No smartphone?": the other ways to register. */
export async function answerNoSmartphone(press: CardPress, deps: CardActionDeps): Promise<CardActionResult> {
  const { context, ids, audit } = await readReminderPress(press, deps);
  await audit("person.noSmartphone");
  return { card: renderCard("noSmartphone", ids, context) };
}

async function notify(
  deps: CardActionDeps,
  store: Store,
  userId: string,
  payload: ReminderPayload,
  daysLeft: number,
  now: Date,
): Promise<void> {
  const snapshot = await currentSnapshot(store);
  const person = snapshot ? (await readPeopleByIds(store, snapshot.id, [userId])).get(userId) : undefined;
  const card = renderCard(
    "helpdeskNotice",
    {
      person: {
        id: userId,
        displayName: person?.displayName ?? payload.firstName,
        userPrincipalName: person?.userPrincipalName ?? userId,
        ...(person?.department ? { department: person.department } : {}),
      },
      deadline: payload.deadline,
      daysLeft,
      methodsRegistered: [...(person?.methodsRegistered ?? payload.methodsRegistered)],
      requestedAt: now.toISOString(),
    },
    cardContextFor(deps.policy, "en", deps.policy.timeZone),
  );
  try {
    await deps.notifyHelpdesk?.(card);
  } catch (error) {
    // The person is still told how to reach the helpdesk themselves; the failure is for the admins.
    deps.log.error({ err: error, userId }, "could not post to the helpdesk channel");
  }
}
