import { describe, expect, it } from "vitest";
import { cardAttachment, renderCard } from "../../src/cards/render-card.js";
import { nodes, ofType, reminder, render, type CardNode } from "./card-nodes.js";
import { LANGUAGES, REGISTRATION_URL, sampleCards, sampleContext } from "./card-samples.js";
import { validateAdaptiveCard } from "./validate-adaptive-card.js";

const everySample = LANGUAGES.flatMap((language) =>
  sampleCards(language).map((sample) => ({ ...sample, label: `${language}: ${sample.label}` })),
);

describe("renderCard: every card of the family", () => {
  it.each(everySample.map((sample) => [sample.label, sample] as const))(
    "renders %s as an Adaptive Card 1.5 that the schema accepts",
    (_label, sample) => {
      const card = render(sample);
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5", lang: sample.context.language });
      expect(card.$schema).toBe("http://adaptivecards.io/schemas/adaptive-card.json");
    },
  );

  it("leaves no template expression unresolved in any card", () => {
    const unresolved = everySample.filter((sample) => JSON.stringify(render(sample)).includes("${"));
    expect(unresolved.map((sample) => sample.label)).toEqual([]);
  });

  it("links only to the registration page, and every Execute button names the outbox entry and the person", () => {
    for (const sample of everySample) {
      const card = render(sample);
      for (const action of ofType(card, "Action.OpenUrl")) expect(action.url, sample.label).toBe(REGISTRATION_URL);
      for (const action of ofType(card, "Action.Execute")) {
        expect(action.data, sample.label).toEqual({ outboxId: "outbox-7f3a", userId: "9f1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d" });
      }
      expect(ofType(card, "Action.Submit"), sample.label).toEqual([]);
      expect(JSON.stringify(card), sample.label).not.toMatch(/\]\(https?:/); // no markdown links hiding an address
    }
  });

  it("opens every card with the same header naming the sender and saying it is official", () => {
    for (const sample of everySample) {
      const header = render(sample).body[0] as CardNode;
      const [from, official] = nodes(header.items).map((block) => block.text);
      expect(from, sample.label).toBe("Contoso IT Service Desk");
      expect(official, sample.label).toEqual(expect.any(String));
    }
    const headers = LANGUAGES.map((language) => sampleCards(language).map((sample) => JSON.stringify(render(sample).body[0])));
    for (const perLanguage of headers) expect(new Set(perLanguage).size).toBe(1);
  });

  it("refuses a registration URL that is not https", () => {
    expect(() => renderCard("reminder", reminder(3), { ...sampleContext("en"), registrationUrl: "javascript:alert(1)" })).toThrow(
      /https:\/\//,
    );
  });

  it("wraps a card as a Bot Framework attachment", () => {
    const card = renderCard("thankYou", { firstName: "Anna", methodsRegistered: [] }, sampleContext("en"));
    expect(cardAttachment(card)).toEqual({ contentType: "application/vnd.microsoft.card.adaptive", content: card });
  });
});
