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

/** What a reader sees: every TextBlock's text and every fact, in order. */
export function visibleText(card: AdaptiveCard): string {
  return nodes(card)
    .flatMap((node) => [node.type === "TextBlock" ? node.text : undefined, node.title, node.value])
    .filter((text): text is string => typeof text === "string")
    .join("\n");
}

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
