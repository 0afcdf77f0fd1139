import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cardsDir } from "../../src/cards/cards-dir.js";
import { MESSAGE_KEYS, messageText } from "../../src/cards/message-text.js";
import { LANGUAGES } from "./card-samples.js";

const messages = (language: string) =>
  (JSON.parse(readFileSync(join(cardsDir(), "strings", `${language}.json`), "utf8")) as { messages: Record<string, unknown> }).messages;

// Enough for every placeholder any message has.
const VALUES = {
  helpdesk: "Contoso Service Desk",
  query: "anna",
  names: "Anna Schmidt (anna.schmidt@contoso.com)",
  name: "Anna Schmidt",
  reason: "already reminded today",
  time: "2025-03-11 10:00",
  filter: "Sales",
  page: 9,
  count: 7,
  max: 256,
};

describe("messageText", () => {
  it("knows exactly the messages the strings files have", () => {
    expect(Object.keys(messages("en")).sort()).toEqual([...MESSAGE_KEYS].sort());
  });

  it.each(LANGUAGES)("words every message in %s, with every placeholder filled", (language) => {
    for (const key of MESSAGE_KEYS) {
      const text = messageText(language, key, VALUES);
      expect(text, key).not.toMatch(/[{}]/);
      expect(text.length, key).toBeGreaterThan(10);
    }
  });

  it("words a refusal in the reader's language", () => {
    expect(messageText("en", "notAdmin")).toBe("Only MFA rollout admins can use this command.");
    expect(messageText("de", "notAdmin")).toBe("Nur Admins des MFA-Rollouts können diesen Befehl verwenden.");
    expect(messageText("en", "aboutBot", { helpdesk: "Contoso Service Desk" })).toContain("please contact Contoso Service Desk.");
  });

  it("picks the singular or plural by count and writes the count as the language does", () => {
    expect(messageText("en", "exportReady", { count: 1 })).toBe("Here is the export, with 1 person.");
    expect(messageText("en", "exportReady", { count: 1922 })).toBe("Here is the export, with 1,922 people.");
    expect(messageText("de", "exportReady", { count: 1922 })).toBe("Hier ist der Export mit 1.922 Personen.");
    expect(messageText("en", "pageNotFound", { page: 9, count: 7 })).toBe("There is no page 9: the list has 7 pages.");
  });

  it("refuses to send a gap: a missing value or a plural without a count throws", () => {
    expect(() => messageText("en", "userNotFound")).toThrow(/\{query\}/);
    expect(() => messageText("en", "exportReady", { count: "7" })).toThrow(/numeric count/);
  });
});
