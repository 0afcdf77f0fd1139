import { describe, expect, it } from "vitest";
import type { DigestCard } from "../../src/cards/card-data.js";
import { renderCard } from "../../src/cards/render-card.js";
import { actionsOf, ofType, visibleText } from "./card-nodes.js";
import { LANGUAGES, sampleContext } from "./card-samples.js";
import { adminSampleCards } from "./admin-card-samples.js";

const digest = adminSampleCards("en").find((sample) => sample.label === "digest, with Remind them now")!.card as DigestCard;

describe("renderCard: the manager's digest", () => {
  it("counts the people behind in the title and compares the team with the organisation", () => {
    const text = visibleText(renderCard("digest", digest, sampleContext("en")));
    expect(text).toContain("3 people in your team haven't set up their second sign-in method\nHi Bernd, here is this week's overview.");
    expect(text).toContain("Your team: 60\u00a0%, the organisation: 78\u00a0%");
    const one = visibleText(renderCard("digest", { ...digest, reports: digest.reports.slice(0, 1) }, sampleContext("en")));
    expect(one).toContain("1 person in your team hasn't set up their second sign-in method");
  });

  it("says an overdue person is overdue, in the attention colour, and lists them first", () => {
    for (const language of LANGUAGES) {
      const card = renderCard("digest", digest, sampleContext(language));
      const progress = ofType(card, "TextBlock").filter((block) => block.color === "attention" || block.color === "accent");
      expect(progress[0]?.color, language).toBe("attention");
      expect(
        progress.slice(1).map((block) => block.color),
        language,
      ).toEqual(["accent", "accent"]);
    }
    const text = visibleText(renderCard("digest", digest, sampleContext("en")));
    expect(text).toContain("Ben Okafor\nben.okafor@contoso.com\nPilot · deadline Sun 9 Mar\n2 days overdue · 4 reminders");
    expect(text.indexOf("Ben Okafor")).toBeLessThan(text.indexOf("Chloé Martin"));
    expect(text.indexOf("Chloé Martin")).toBeLessThan(text.indexOf("Anna Schmidt"));
    expect(visibleText(renderCard("digest", digest, sampleContext("de")))).toContain("Frist seit 2 Tagen abgelaufen · 4 Erinnerungen");
  });

  it("offers Remind them now only when available, naming the digest and the manager", () => {
    const card = renderCard("digest", digest, sampleContext("en"));
    expect(actionsOf(card)).toEqual([
      {
        type: "Action.Execute",
        title: "Remind them now",
        verb: "remindTeam",
        style: "positive",
        data: { digestId: "outbox-digest-42", managerId: "7c1d9e2f-0a3b-4c5d-8e6f-1a2b3c4d5e6f" },
      },
    ]);
    expect(visibleText(card)).toContain('"Remind them now" sends each of them a reminder now');
    const without = renderCard("digest", { ...digest, remindAvailable: false }, sampleContext("en"));
    expect(actionsOf(without)).toEqual([]);
    expect(visibleText(without)).not.toContain("Remind them now");
  });

  it("has no button when everyone has registered", () => {
    const card = renderCard("digest", { ...digest, reports: [] }, sampleContext("en"));
    expect(visibleText(card)).toContain("Everyone in your team has set up their second sign-in method");
    expect(actionsOf(card)).toEqual([]);
  });

  it("replaces the digest with how many were reminded and how many the rules held back", () => {
    const text = visibleText(renderCard("digestReminded", { reminded: 2, skipped: 1 }, sampleContext("en")));
    expect(text).toContain(
      "Reminders sent\nI've just reminded 2 people in your team.\n1 person wasn't reminded now because of the reminder rules",
    );
    const none = visibleText(renderCard("digestReminded", { reminded: 0, skipped: 3 }, sampleContext("en")));
    expect(none).toContain("No reminders sent\nI didn't remind anyone just now.\n3 people weren't reminded now");
    expect(visibleText(renderCard("digestReminded", { reminded: 1, skipped: 0 }, sampleContext("en")))).not.toContain("wasn't");
  });
});
