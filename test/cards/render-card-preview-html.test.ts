import { describe, expect, it } from "vitest";
import { renderCard } from "../../src/cards/render-card.js";
import { renderCardPreviewHtml } from "../../src/cards/render-card-preview-html.js";
import { sampleCards } from "./card-samples.js";

const sections = (["en", "de"] as const).map((language) => ({
  title: `Cards in ${language} <all>`,
  cards: sampleCards(language).map((sample) => renderCard(sample.name, sample.card as never, sample.context)),
}));
const cardCount = sections.reduce((sum, section) => sum + section.cards.length, 0);

describe("renderCardPreviewHtml", () => {
  const html = renderCardPreviewHtml(sections);

  it("gives every card its own frame and embeds every card", () => {
    expect(html.match(/<div class="bubble" data-card="\d+">/g)).toHaveLength(cardCount);
    const embedded = /<script id="cards" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? "";
    expect(JSON.parse(embedded)).toEqual(sections.flatMap((section) => section.cards));
  });

  it("escapes section titles", () => {
    expect(html).toContain("<h2>Cards in en &#60;all&#62;</h2>");
  });

  it("loads nothing from the network: no external script, stylesheet or image", () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*\shref=/i);
    expect(html).not.toMatch(/<img[^>]*\ssrc="?https?:/i);
    expect(html).not.toMatch(/@import/);
  });

  it("inlines the adaptivecards renderer and Teams' host config for the chosen theme", () => {
    expect(html).toContain("AdaptiveCards");
    expect(html).toContain('"backgroundColor":"#ffffff"');
    const dark = renderCardPreviewHtml(sections, { theme: "dark" });
    expect(dark).toContain('<body class="dark">');
    expect(dark).toContain('"backgroundColor":"#ff2d2c2c"');
  });

  it("cannot be cut short by a card whose text contains a closing script tag", () => {
    const page = renderCardPreviewHtml([
      { title: "t", cards: [{ type: "AdaptiveCard", body: [{ type: "TextBlock", text: "</script><b>" }] }] },
    ]);
    expect(page).not.toContain("</script><b>");
    expect(page.match(/<\/script>/g)).toHaveLength(5);
  });
});
