import { describe, expect, it } from "vitest";
import type { AdaptiveCard } from "../../src/cards/adaptive-card.js";
import { messageText } from "../../src/cards/message-text.js";
import { renderCard } from "../../src/cards/render-card.js";
import { replaceChartsWithFallbacks } from "./chart-elements.js";
import { linksIn, markdownTexts, renderMarkdown } from "./card-links.js";
import { nodes, render } from "./card-nodes.js";
import { REGISTRATION_URL, sampleContext } from "./card-samples.js";
import { EVERY_CARD, HOSTILE_TEXTS, hostileContext, hostileSamples } from "./hostile-samples.js";
import { validateAdaptiveCard } from "./validate-adaptive-card.js";

const HELPDESK_URL = sampleContext("en").helpdesk.url ?? "";
const OWN = [REGISTRATION_URL, HELPDESK_URL];

// Characters that reorder or hide text: C0 and C1 controls, bidi embeddings, overrides, isolates and
// marks, zero-width spaces and joiners other than ZWNJ and ZWJ (which some scripts are spelt with),
// the BOM, soft hyphens, line and paragraph separators.
const HIDDEN = /(?!\u200c|\u200d)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(strings);
}

/** What markdown-it draws for a text, as plain text: tags dropped, entities read. */
function drawnText(text: string): string {
  return renderMarkdown(text)
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("every card built from a hostile directory", () => {
  const samples = Object.entries(HOSTILE_TEXTS).flatMap(([name, text]) =>
    hostileSamples(text).map((sample) => ({ ...sample, label: `${name}: ${sample.label}` })),
  );
  const rendered = samples.map((sample) => ({ label: sample.label, card: render(sample) }));

  it("covers every kind of card the bot sends", () => {
    expect(new Set(samples.map((sample) => sample.name))).toEqual(new Set(Object.keys(EVERY_CARD)));
  });

  it.each(Object.keys(HOSTILE_TEXTS))("links only to the registration page and the helpdesk's address (%s)", (name) => {
    for (const { label, card } of rendered.filter((r) => r.label.startsWith(`${name}:`))) {
      expect(
        linksIn(card, OWN).filter((url) => !OWN.includes(url)),
        label,
      ).toEqual([]);
    }
  });

  it("lets no control, bidi or zero-width character through, anywhere in a card", () => {
    for (const { label, card } of rendered) {
      expect(
        strings(card).filter((text) => HIDDEN.test(text)),
        label,
      ).toEqual([]);
    }
  });

  it("shows at most 256 characters of any outside text, however long it was", () => {
    for (const { label, card } of rendered) {
      const longest = Math.max(...markdownTexts(card).map((text) => /(?:Anna ){52,}/.exec(text)?.[0].length ?? 0));
      expect(longest, label).toBe(0);
      expect(JSON.stringify(card).includes("[".repeat(257)), label).toBe(false);
    }
  });

  it("still validates against the Adaptive Card 1.5 schema", () => {
    for (const { label, card } of rendered.filter((r) => r.label.startsWith("markdownLink:") || r.label.startsWith("longBrackets:"))) {
      expect(validateAdaptiveCard(replaceChartsWithFallbacks(card)), label).toEqual([]);
    }
  });

  it("shows a directory name literally: the brackets and the address as text, not a link", () => {
    const card = renderCard("user", userWithName(HOSTILE_TEXTS.markdownLink ?? ""), sampleContext("en"));
    const title = String((card.body[1] as { text: string }).text);
    expect(title).toBe("\\[Verify now\\]\\(https:/\u2215evil.example/login\\)");
    expect(drawnText(title)).toBe("[Verify now](https:/\u2215evil.example/login)");
    expect(renderMarkdown(title)).not.toContain("<a ");
  });

  it("shows emphasis, headings, lists and entities as the characters they are", () => {
    for (const name of ["emphasis", "listStart", "numberedStart", "entities"] as const) {
      const text = HOSTILE_TEXTS[name] ?? "";
      const card = renderCard("user", userWithName(text), sampleContext("en"));
      const title = String((card.body[1] as { text: string }).text);
      expect(drawnText(title), name).toBe(text.replace(/\/\//g, "/\u2215"));
      expect(renderMarkdown(title), name).not.toMatch(/<(strong|em|s|code|h\d|li|ol|ul|blockquote)>/);
    }
  });

  it("drops bidi overrides and zero-width characters but keeps the words", () => {
    const card = renderCard("user", userWithName(HOSTILE_TEXTS.bidiOverride ?? ""), sampleContext("en"));
    expect((card.body[1] as { text: string }).text).toBe("Anna evil.exe Schmidt");
    const zero = renderCard("user", userWithName(HOSTILE_TEXTS.zeroWidth ?? ""), sampleContext("en"));
    expect((zero.body[1] as { text: string }).text).toBe("evil name");
  });

  it("keeps the helpdesk's own address a link, but not an address that merely starts like it", () => {
    const context = hostileContext(sampleContext("en"), HOSTILE_TEXTS.helpdeskLookalike ?? "");
    const card = renderCard("helpRequested", {}, context);
    expect(linksIn(card, OWN).filter((url) => !OWN.includes(url))).toEqual([]);
    expect(linksIn(card, OWN)).toContain(HELPDESK_URL);
  });

  it("escapes the plain-text answers too: a name in a reply is text, not a link", () => {
    for (const text of Object.values(HOSTILE_TEXTS)) {
      const replies = [
        messageText("en", "userNotFound", { query: text }),
        messageText("en", "userAmbiguous", { query: text, names: `${text} (${text})` }),
        messageText("en", "reminderQueued", { name: text }),
        messageText("en", "reminderRefused", { name: text, reason: text }),
        messageText("en", "aboutBot", { helpdesk: text }),
      ];
      for (const reply of replies) {
        const card = { type: "AdaptiveCard", body: [{ type: "TextBlock", text: reply }] } as unknown as AdaptiveCard;
        expect(linksIn(card, []), reply).toEqual([]);
        expect(HIDDEN.test(reply), reply).toBe(false);
        expect(reply.length, reply).toBeLessThan(1500);
      }
    }
  });

  it("leaves the buttons' addresses alone: the registration page is the only one", () => {
    for (const { label, card } of rendered) {
      const urls = nodes(card)
        .map((node) => node.url)
        .filter((url) => url !== undefined);
      expect(
        urls.filter((url) => url !== REGISTRATION_URL),
        label,
      ).toEqual([]);
    }
  });
});

function userWithName(displayName: string) {
  return {
    displayName,
    userPrincipalName: "anna.schmidt@contoso.com",
    department: null,
    managerName: null,
    registered: false,
    methodsRegistered: [],
    excludedBecause: null,
    phase: null,
    deadline: null,
    daysLeft: null,
    unreachable: null,
    events: [],
  };
}
