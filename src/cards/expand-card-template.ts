import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Template } from "adaptivecards-templating";
import type { AdaptiveCard } from "./adaptive-card.js";
import { cardsDir } from "./cards-dir.js";

type TemplateJson = { body?: unknown[]; [property: string]: unknown };

const templates = new Map<string, Template>();

/**
 * Expands cards/<name>.json with `data`. Every card of the family opens with cards/header.json, so
 * the header (who the card is from) is written once and cannot drift between cards.
 */
export function expandCardTemplate(name: string, data: object): AdaptiveCard {
  // Not checking getLastTemplateExpansionWarnings(): adaptivecards-templating 2.3 warns for every
  // $when that is simply false, so the warnings cannot tell a typo from a hidden element.
  return compiled(name).expand({ $root: data }) as AdaptiveCard;
}

// A Template can be expanded with different data any number of times; parse each file once.
function compiled(name: string): Template {
  let template = templates.get(name);
  if (template === undefined) {
    const card = readJson(`${name}.json`);
    const header = readJson("header.json");
    template = new Template({ ...card, body: [header, ...(card.body ?? [])] });
    templates.set(name, template);
  }
  return template;
}

function readJson(file: string): TemplateJson {
  return JSON.parse(readFileSync(join(cardsDir(), file), "utf8")) as TemplateJson;
}
