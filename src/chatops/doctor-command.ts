import { messageText } from "../cards/message-text.js";
import { renderCard } from "../cards/render-card.js";
import type { CommandHandler } from "./command-context.js";

// Teams waits about 15 seconds for the answer to a message and may send it again after that.
const ANSWER_WITHIN_MS = 10_000;

/**
 * `/mfa doctor`: the same checklist as `mfa-nudge doctor`, as a card. A run that outlasts Teams'
 * patience goes on without the answer; asking again picks up its result.
 */
export function doctorCommand(answerWithinMs = ANSWER_WITHIN_MS): CommandHandler {
  return async (_args, context) => {
    const running = context.runDoctor();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), answerWithinMs)));
    const report = await Promise.race([running, late]).finally(() => clearTimeout(timer));
    if (report === undefined) {
      // The runner logs its own failure; the admin already has their answer.
      running.catch(() => undefined);
      return { kind: "text", text: messageText(context.card.language, "doctorStillRunning") };
    }
    return { kind: "card", card: renderCard("doctor", { checks: [...report.checks], checkedAt: report.checkedAt }, context.card) };
  };
}
