import type { Language } from "./card-data.js";
import { CardText } from "./card-text.js";
import { cleanCardData } from "./clean-card-data.js";
import { escapeCardText } from "./escape-card-text.js";

/**
 * The short answers the bot sends as plain text rather than a card: refusals and confirmations.
 * Each is `messages.<key>` in cards/strings; the test for this module keeps the list and the files in step.
 */
export const MESSAGE_KEYS = [
  "notAdmin",
  "aboutBot",
  "userUsage",
  "userNotFound",
  "userAmbiguous",
  "remindUsage",
  "reminderQueued",
  "reminderQueuedLater",
  "reminderRefused",
  "paused",
  "resumed",
  "alreadyPaused",
  "notPaused",
  "exportReady",
  "exportDeclined",
  "noSyncYet",
  "filterNotFound",
  "pageNotFound",
  "cardOutdated",
  "notYourCard",
  "digestOutdated",
  "digestAlreadyUsed",
  "doctorStillRunning",
  "tryAgainLater",
  "answeredPrivately",
  "privateReplyFailed",
  "argumentTooLong",
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];

/**
 * A message in the reader's language, its `{placeholders}` filled from `values`. A message with
 * singular and plural forms ("exportReady", "pageNotFound") picks its form by `values.count`, which
 * must then be a number. Throws on a missing value rather than sending a gap. Teams reads a text
 * message as Markdown too, so the values are cleaned and the whole message escaped as a card's text is.
 */
export function messageText(language: Language, key: MessageKey, values: Readonly<Record<string, string | number>> = {}): string {
  return escapeCardText(wordMessage(language, key, cleanCardData(values)));
}

function wordMessage(language: Language, key: MessageKey, values: Readonly<Record<string, string | number>>): string {
  const text = CardText.load(language);
  const path = `messages.${key}`;
  if (text.has(path)) return text.text(path, values);
  const { count } = values;
  if (typeof count !== "number") throw new Error(`The message "${key}" has plural forms and needs a numeric count.`);
  return text.plural(path, count, values);
}
