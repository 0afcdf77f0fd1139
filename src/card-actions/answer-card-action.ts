import { messageText } from "../cards/message-text.js";
import { pickLanguage } from "../cards/pick-language.js";
import { recordAudit } from "../store/audit-log.js";
import { readMessage } from "../store/read-message.js";
import type { CardActionDeps, CardActionRequest, CardActionResult } from "./card-press.js";
import { cardVerbs, isCardVerb, type CardVerbHandler } from "./card-verbs.js";

/** Where a card's button data names its message and its recipient, and what an unknown message is answered with. */
const cardData = {
  reminder: { messageField: "outboxId", recipientField: "userId", outdated: "cardOutdated" },
  digest: { messageField: "digestId", recipientField: "managerId", outdated: "digestOutdated" },
} as const satisfies Record<CardVerbHandler["sentWith"], object>;

/**
 * Answers a button on one of our cards. Honoured only for the person the card was sent to (a
 * reminder's recipient, the manager a digest went to): the presser's object id must match the
 * message's recipient, as must the id the card carries, or the press is refused and audited.
 */
export async function answerCardAction(request: CardActionRequest, deps: CardActionDeps): Promise<CardActionResult> {
  const { store, log } = deps;
  if (!isCardVerb(request.verb)) return { message: "That button is not one this bot knows." };
  const handler = cardVerbs[request.verb];
  const fields = cardData[handler.sentWith];
  const data = (typeof request.data === "object" && request.data !== null ? request.data : {}) as Record<string, unknown>;
  const id = data[fields.messageField];
  const row = typeof id === "string" ? await readMessage(store, id) : undefined;
  if (!row || row.kind !== handler.sentWith) return { message: messageText(pickLanguage(request.locale), fields.outdated) };
  if (!request.actorId || request.actorId !== row.recipient_id || data[fields.recipientField] !== row.recipient_id) {
    await recordAudit(store, new Date(deps.now()), {
      actorKind: "user",
      ...(request.actorId ? { actorId: request.actorId } : {}),
      action: "card.refused",
      subjectId: row.recipient_id,
      detail: { verb: request.verb, outboxId: row.id },
    });
    log.warn({ actor: request.actorId, outboxId: row.id, verb: request.verb }, "card action refused: not the recipient");
    return { message: messageText(pickLanguage(request.locale), "notYourCard") };
  }
  return handler.answer({ verb: request.verb, row, locale: request.locale }, deps);
}
