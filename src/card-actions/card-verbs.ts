import type { OutboxKind } from "../store/schema.js";
import { answerDigestAction } from "./answer-digest-action.js";
import { answerHelp, answerNoSmartphone, answerSnooze, answerDoneButton } from "./answer-reminder-button.js";
import type { CardActionDeps, CardActionResult, CardPress } from "./card-press.js";

/** Every button verb on our cards (the `verb` of each Action.Execute in cards/*.json). */
export type CardVerb = "done" | "snooze" | "help" | "noSmartphone" | "remindTeam";

export interface CardVerbHandler {
  /** The kind of message whose card carries the button: only its recipient may press it. */
  readonly sentWith: Extract<OutboxKind, "reminder" | "digest">;
  readonly answer: (press: CardPress, deps: CardActionDeps) => Promise<CardActionResult>;
}

/**
 * One table of card verbs. A verb added to CardVerb without a handler does not compile; Teams
 * routes exactly these verbs (src/teams/create-bot-app.ts), and test/card-actions/card-verbs.test.ts
 * checks them against the buttons in cards/*.json.
 */
export const cardVerbs: Record<CardVerb, CardVerbHandler> = {
  done: { sentWith: "reminder", answer: answerDoneButton },
  snooze: { sentWith: "reminder", answer: answerSnooze },
  help: { sentWith: "reminder", answer: answerHelp },
  noSmartphone: { sentWith: "reminder", answer: answerNoSmartphone },
  remindTeam: { sentWith: "digest", answer: answerDigestAction },
};

export function isCardVerb(verb: string): verb is CardVerb {
  return Object.hasOwn(cardVerbs, verb);
}
