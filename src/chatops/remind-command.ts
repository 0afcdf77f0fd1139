import { messageText } from "../cards/message-text.js";
import { localMoment } from "../campaign/local-calendar.js";
import { emptyHistory } from "../campaign/person.js";
import { queueManualReminder } from "../jobs/queue-manual-reminder.js";
import { isPaused } from "../store/app-state.js";
import { recordAudit } from "../store/audit-log.js";
import { findPerson } from "../store/read-people.js";
import { readHistories } from "../store/read-histories.js";
import { currentSnapshot } from "../store/sync-runs.js";
import type { CommandHandler } from "./command-context.js";

/** `/mfa remind <UPN>`: one reminder now, within the pacing, the snooze and the one-a-day rule. */
export const remindCommand: CommandHandler = async (args, context) => {
  const { store, policy, now } = context;
  const language = context.card.language;
  const snapshot = await currentSnapshot(store);
  const person = snapshot && args ? await findPerson(store, snapshot.id, args) : undefined;
  if (!person) return { kind: "text", text: messageText(language, args ? "userNotFound" : "remindUsage", { query: args, names: "" }) };
  const history = (await readHistories(store, [person.id])).get(person.id) ?? emptyHistory;
  const { planned } = await queueManualReminder(store, policy, person, history, await isPaused(store), now);
  await recordAudit(store, new Date(now), {
    actorKind: "admin",
    actorId: context.actorId,
    action: "admin.remind",
    subjectId: person.id,
    detail: { outcome: planned.decision.action === "remind" ? "queued" : planned.decision.reason },
  });
  if (planned.decision.action !== "remind" || !("notBefore" in planned)) {
    return {
      kind: "text",
      text: messageText(language, "reminderRefused", {
        name: person.displayName ?? person.userPrincipalName,
        reason: planned.decision.reason,
      }),
    };
  }
  context.deliverSoon();
  const when = localMoment(planned.notBefore, context.card.timeZone);
  return {
    kind: "text",
    text: messageText(language, planned.notBefore > now ? "reminderQueuedLater" : "reminderQueued", {
      name: person.displayName ?? person.userPrincipalName,
      time: `${when.date} ${String(Math.floor(when.minute / 60)).padStart(2, "0")}:${String(when.minute % 60).padStart(2, "0")}`,
    }),
  };
};
