import { describe, expect, it } from "vitest";
import { cardAttachment } from "../../src/cards/render-card.js";
import { ofType, render, unescapeMarkdown } from "./card-nodes.js";
import { EVERY_CARD, HOSTILE_TEXTS, hostile, hostileSamples } from "./hostile-samples.js";
import { LONGEST, largestSamples } from "./largest-samples.js";

// Teams refuses a bot message above 100 KB counted in UTF-16, and recommends staying within 80 KB
// (learn.microsoft.com, Teams "Format your bot messages"); earlier versions of that page said 40 KB,
// and Incoming Webhooks and Workflows posts stop at 28 KB ("Format cards in Teams"; Power Automate's
// Teams connector, "Message size limitations"). The cards keep to the strictest: 28 KB of UTF-8 JSON,
// which for the mostly-ASCII JSON of a card is also within 56 KB of UTF-16.
const TEAMS_MESSAGE_BYTES = 28 * 1024;
const RECOMMENDED_UTF16_BYTES = 80 * 1024;

/** The whole message as the bot sends it: the activity with the card as its attachment. */
function messageBytes(card: unknown): { utf8: number; utf16: number } {
  const json = JSON.stringify({ type: "message", attachments: [cardAttachment(card as never)] });
  return { utf8: Buffer.byteLength(json, "utf8"), utf16: json.length * 2 };
}

describe("card sizes", () => {
  const largest = largestSamples().map((sample) => ({ sample, card: render(sample) }));
  const cardLabelled = (label: string) => {
    const found = largest.find(({ sample }) => sample.label === label);
    if (!found) throw new Error(`no sample "${label}"`);
    return found.card;
  };

  it("builds every kind of card from the largest realistic data", () => {
    expect(new Set(largest.map(({ sample }) => sample.name))).toEqual(new Set(Object.keys(EVERY_CARD)));
  });

  it.each(largest.map(({ sample }, i) => [sample.label, i] as const))("keeps %s under Teams' 28 KB", (_label, i) => {
    const { card } = largest[i] ?? { card: undefined };
    expect(messageBytes(card).utf8).toBeLessThan(TEAMS_MESSAGE_BYTES);
  });

  it("names the twelve most overdue of a manager's 500 and counts the rest", () => {
    const digest = cardLabelled("digest for a manager of 500");
    const texts = ofType(digest, "TextBlock").map((block) => unescapeMarkdown(String(block.text)));
    expect(texts.filter((text) => text === LONGEST.displayName)).toHaveLength(12);
    expect(texts).toContain("500 people in your team haven't set up their second sign-in method");
    expect(texts).toContain("and 488 more");
  });

  it("shows the 25 latest of 400 history entries and says how many came before", () => {
    const user = cardLabelled("user with 400 history entries");
    const history = ofType(user, "FactSet").at(-1)?.facts as { title: string; value: string }[];
    expect(history).toHaveLength(25);
    expect(ofType(user, "TextBlock").map((block) => unescapeMarkdown(String(block.text)))).toContain("375 earlier entries not shown");
  });

  it("shows six phases of forty, five departments, five names and two months of trend on the status", () => {
    const status = cardLabelled("status of 100,000 people");
    const texts = ofType(status, "TextBlock").map((block) => unescapeMarkdown(String(block.text)));
    expect(texts.filter((text) => text === LONGEST.phase)).toHaveLength(6);
    expect(texts).toContain("and 34 more");
    expect(texts).toContain("and 4,995 more");
    const line = ofType(status, "Chart.Line")[0] as { data: { values: unknown[] }[] };
    expect(line.data[0]?.values).toHaveLength(60);
  });

  it("keeps even a hostile directory's cards, every text 256 brackets long, within Teams' recommended 80 KB", () => {
    const text = HOSTILE_TEXTS.longBrackets ?? "";
    const samples = [...hostileSamples(text), ...largestSamples().map((s) => ({ ...s, card: hostile(s.card, text) }))];
    for (const sample of samples) {
      expect(messageBytes(render(sample)).utf16, sample.label).toBeLessThan(RECOMMENDED_UTF16_BYTES);
    }
  });
});
