import { readFileSync } from "node:fs";
import { pickLanguage } from "../../src/cards/pick-language.js";

/**
 * A line of the bot's string tables (cards/strings/<language>.json) with its {placeholders}
 * filled: what a reader with this preferred language should see, taken from the tables the
 * translators edit rather than from the code that renders them.
 */
export function expectedText(preferredLanguage: string | null | undefined, key: string, values: Record<string, string> = {}): string {
  const strings = JSON.parse(readFileSync(`cards/strings/${pickLanguage(preferredLanguage)}.json`, "utf8")) as unknown;
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
  if (typeof text !== "string") throw new Error(`no string ${key}`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${key}`);
    return value;
  });
}
