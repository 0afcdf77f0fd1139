import type { AdaptiveCard } from "../../src/cards/adaptive-card.js";
import type { ReminderCard } from "../../src/cards/card-data.js";
import { renderCard } from "../../src/cards/render-card.js";
import type { CardSample } from "./card-samples.js";

export type CardNode = Record<string, unknown>;

export function render(sample: CardSample): AdaptiveCard {
  return renderCard(sample.name, sample.card as never, sample.context);
}

/** Every object in the card, depth first: elements, actions, facts. */
export function nodes(value: unknown): CardNode[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value === null || typeof value !== "object") return [];
  return [value as CardNode, ...Object.values(value).flatMap(nodes)];
}

export function ofType(card: AdaptiveCard, type: string): CardNode[] {
  return nodes(card).filter((node) => node.type === type);
}

/** The buttons in reading order. */
export function actionsOf(card: AdaptiveCard): CardNode[] {
  return ofType(card, "ActionSet").flatMap((set) => set.actions as CardNode[]);
}

/** What a reader sees: every TextBlock's text and every fact, in order, with Markdown's escapes read. */
export function visibleText(card: AdaptiveCard): string {
  return nodes(card)
    .flatMap((node) => [node.type === "TextBlock" ? node.text : undefined, node.title, node.value])
    .filter((text): text is string => typeof text === "string")
    .map(unescapeMarkdown)
    .join("\n");
}

/** A text as Markdown shows it: CommonMark's backslash escapes of ASCII punctuation read. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/**
 * How wide a row of buttons is on a phone, by estimates from the preview: about 8.2 px per character
 * of a 14 px semi-bold label, 26 px of padding and border per button, 8 px between buttons.
 */
export function buttonRowWidth(titles: string[]): number {
  return titles.reduce((sum, title) => sum + title.length * 8.2 + 26, 0) + 8 * (titles.length - 1);
}

/**
 * A 340 px wide card on a phone leaves 308 px inside its padding; a row wider than that squeezes every
 * label in it to "Ich brauche …".
 */
export const PHONE_ROW_WIDTH = 308;

/** An upcoming reminder for Anna, due 2025-03-14, nothing registered yet. */
export function reminder(daysLeft: number): ReminderCard {
  return {
    kind: "upcoming",
    firstName: "Anna",
    deadline: "2025-03-14",
    daysLeft,
    methodsRegistered: [],
    snoozeAvailable: true,
    outboxId: "o",
    userId: "u",
  };
}
