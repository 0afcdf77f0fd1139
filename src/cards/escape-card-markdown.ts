import type { AdaptiveCard } from "./adaptive-card.js";
import { escapeCardText } from "./escape-card-text.js";

/**
 * The card with every text Teams reads as Markdown escaped (TextBlock text, fact titles and values;
 * learn.microsoft.com, Teams "Format cards in Teams"), so it shows literally what it says and links
 * only to the addresses in `keep`. Everything else (buttons' titles and URLs, data, chart legends)
 * is not Markdown and stays as it is.
 */
export function escapeCardMarkdown(card: AdaptiveCard, keep: readonly string[]): AdaptiveCard {
  return visit(card, keep) as AdaptiveCard;
}

function visit(value: unknown, keep: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => visit(item, keep));
  if (value === null || typeof value !== "object") return value;
  const node = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item, keep)]));
  if (node.type === "TextBlock" && typeof node.text === "string") node.text = escapeCardText(node.text, keep);
  if (node.type === "FactSet" && Array.isArray(node.facts)) {
    node.facts = (node.facts as Record<string, unknown>[]).map((fact) => ({
      ...fact,
      ...(typeof fact.title === "string" ? { title: escapeCardText(fact.title, keep) } : {}),
      ...(typeof fact.value === "string" ? { value: escapeCardText(fact.value, keep) } : {}),
    }));
  }
  return node;
}
