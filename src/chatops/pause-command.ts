import { messageText } from "../cards/message-text.js";
import { recordAudit } from "../store/audit-log.js";
import { setPaused } from "../store/app-state.js";
import type { CommandHandler } from "./command-context.js";

/** `/mfa pause` and `/mfa resume`: stop or restart every reminder and digest; who and when is recorded. */
export function pauseCommand(paused: boolean): CommandHandler {
  return async (_args, context) => {
    const now = new Date(context.now);
    await setPaused(context.store, paused, context.actorId, now);
    await recordAudit(context.store, now, {
      actorKind: "admin",
      actorId: context.actorId,
      action: paused ? "campaign.paused" : "campaign.resumed",
    });
    if (!paused) context.deliverSoon();
    return { kind: "text", text: messageText(context.card.language, paused ? "paused" : "resumed", {}) };
  };
}
