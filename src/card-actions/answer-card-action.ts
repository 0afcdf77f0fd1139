import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { renderCard } from "../cards/render-card.js";
import { daysBetween, localMoment } from "../campaign/local-calendar.js";
import { planSnooze } from "../campaign/plan-snooze.js";
import type { OutboxPayload } from "../delivery/outbox-payload.js";
import { recordAudit } from "../store/audit-log.js";
import { readMessage } from "../store/read-message.js";
import type { Store } from "../store/open-store.js";
import { recordSnooze, updatePersonState } from "../store/people-state.js";
import { readHistories } from "../store/read-histories.js";
import { readPeopleByIds } from "../store/read-people.js";
import { currentSnapshot } from "../store/sync-runs.js";
import { cardContextFor } from "../cards/card-context.js";
import { firstKnownLanguage, pickLanguage } from "../cards/pick-language.js";
import { messageText } from "../cards/message-text.js";
import { answerDone, type DoneDeps } from "./answer-done.js";

export interface CardActionRequest {
  readonly verb: string;
  readonly data: unknown;
  /** The Entra object id of whoever pressed the button, as Teams reports it. */
  readonly actorId: string | undefined;
  /** The locale of the press (the language their Teams is in), which the answer follows when we have it. */
  readonly locale?: string | undefined;
}

export interface CardActionDeps extends DoneDeps {
  /** Posts a card to the helpdesk's channel, when one is configured. */
  readonly notifyHelpdesk: ((card: AdaptiveCard) => Promise<void>) | undefined;
}

export type CardActionResult = { readonly card: AdaptiveCard } | { readonly message: string };

/**
 * Answers a button on a reminder card. Honoured only for the person the card was sent to: the
 * presser's object id must match the card's recipient, or the action is refused and audited.
 */
export async function answerCardAction(request: CardActionRequest, deps: CardActionDeps): Promise<CardActionResult> {
  const { store, policy, log } = deps;
  const now = new Date(deps.now());
  const data = (typeof request.data === "object" && request.data !== null ? request.data : {}) as { outboxId?: unknown; userId?: unknown };
  const row =
    typeof data.outboxId === "string" ? await readMessage(store, data.outboxId) : undefined;
  if (!row || row.kind !== "reminder") return { message: messageText(pickLanguage(request.locale), "cardOutdated") };
  if (!request.actorId || request.actorId !== row.recipient_id || data.userId !== row.recipient_id) {
    await recordAudit(store, now, {
      actorKind: "user",
      ...(request.actorId ? { actorId: request.actorId } : {}),
      action: "card.refused",
      subjectId: row.recipient_id,
      detail: { verb: request.verb, outboxId: row.id },
    });
    log.warn({ actor: request.actorId, outboxId: row.id, verb: request.verb }, "card action refused: not the recipient");
    return { message: messageText(pickLanguage(request.locale), "notYourCard") };
  }

  const userId = row.recipient_id;
  const payload = JSON.parse(row.payload) as Extract<OutboxPayload, { card: "reminder" }>;
  const history = (await readHistories(store, [userId])).get(userId);
  const context = cardContextFor(policy, firstKnownLanguage(request.locale, payload.preferredLanguage), history?.timeZone);
  const daysLeft = daysBetween(localMoment(now.getTime(), context.timeZone).date, payload.deadline);
  const ids = { outboxId: row.id, userId };
  const audit = (action: string, detail?: Record<string, unknown>) =>
    recordAudit(store, now, { actorKind: "user", actorId: userId, action, subjectId: userId, ...(detail ? { detail } : {}) });
  await updatePersonState(store, userId, now, { last_answer_at: now.toISOString() });

  switch (request.verb) {
    case "done": {
      const snoozeAvailable = (history?.snoozeCount ?? 0) < policy.reminders.snooze.max;
      return answerDone({ row, payload, context, daysLeft, snoozeAvailable }, deps);
    }
    case "snooze": {
      const outcome = history ? planSnooze(policy, history, payload.deadline, now.getTime()) : undefined;
      if (!outcome?.granted) {
        await audit("person.snoozeRefused");
        return {
          card: renderCard(
            "snoozed",
            { until: now.toISOString(), snoozesLeft: 0, refused: true, deadline: payload.deadline, ...ids },
            context,
          ),
        };
      }
      await recordSnooze(store, userId, new Date(outcome.until), now);
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
    case "help": {
      await audit("person.askedForHelp");
      if (deps.notifyHelpdesk) await notify(deps, store, userId, payload, daysLeft, now);
      return { card: renderCard("helpRequested", {}, context) };
    }
    case "noSmartphone":
      await audit("person.noSmartphone");
      return { card: renderCard("noSmartphone", ids, context) };
    default:
      return { message: "That button is not one this bot knows." };
  }
}

async function notify(
  deps: CardActionDeps,
  store: Store,
  userId: string,
  payload: Extract<OutboxPayload, { card: "reminder" }>,
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
