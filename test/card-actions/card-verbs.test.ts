import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cardVerbs } from "../../src/card-actions/card-verbs.js";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";

const cardsDir = join(findProjectRoot(import.meta.url), "cards");

/** Every button that posts back to the bot, as `file: verb`: Action.Execute's verb, Action.Submit's data.verb. */
function buttonsIn(node: unknown, file: string): string[] {
  if (Array.isArray(node)) return node.flatMap((item) => buttonsIn(item, file));
  if (typeof node !== "object" || node === null) return [];
  const record = node as Record<string, unknown>;
  const own =
    record.type === "Action.Execute"
      ? [`${file}: ${String(record.verb)}`]
      : record.type === "Action.Submit"
        ? [`${file}: ${String((record.data as { verb?: unknown } | undefined)?.verb)}`]
        : [];
  return [...own, ...Object.values(record).flatMap((value) => buttonsIn(value, file))];
}

const buttons = readdirSync(cardsDir)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .flatMap((name) => buttonsIn(JSON.parse(readFileSync(join(cardsDir, name), "utf8")), name));

describe("one table of card verbs", () => {
  it("finds the buttons the cards carry", () => {
    // Read by hand from cards/*.json, in file order: the reminder's four buttons, repeated on the cards that follow it.
    expect(buttons).toEqual([
      "checking.json: done",
      "digest.json: remindTeam",
      "no-smartphone.json: help",
      "reminder.json: done",
      "reminder.json: help",
      "reminder.json: noSmartphone",
      "reminder.json: snooze",
      "snooze-refused.json: help",
      "snoozed.json: done",
      "snoozed.json: help",
      "still-missing.json: done",
      "still-missing.json: help",
      "still-missing.json: noSmartphone",
      "still-missing.json: snooze",
    ]);
  });

  it("has a handler for every button on a card, and a card for every handler", () => {
    const onCards = [...new Set(buttons.map((b) => b.split(": ")[1]))].sort();
    expect(Object.keys(cardVerbs).sort()).toEqual(onCards);
  });

  it("answers each button on the kind of message that carries it", () => {
    expect(Object.fromEntries(Object.entries(cardVerbs).map(([verb, handler]) => [verb, handler.sentWith]))).toEqual({
      done: "reminder",
      snooze: "reminder",
      help: "reminder",
      noSmartphone: "reminder",
      remindTeam: "digest",
    });
  });
});
