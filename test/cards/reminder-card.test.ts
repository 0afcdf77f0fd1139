import { describe, expect, it } from "vitest";
import { renderCard } from "../../src/cards/render-card.js";
import { actionsOf, ofType, reminder, render, visibleText } from "./card-nodes.js";
import { LANGUAGES, sampleCards, sampleContext } from "./card-samples.js";

describe("renderCard: reminder", () => {
  it("offers the five reminder buttons in order, with Set up now as the positive one", () => {
    const sample = sampleCards("en").find((s) => s.label === "reminder first 14d mfa");
    const card = render(sample!);
    const actions = actionsOf(card);
    expect(actions.map((action) => [action.type, action.verb ?? action.style, action.title])).toEqual([
      ["Action.OpenUrl", "positive", "Set up now"],
      ["Action.Execute", "done", "I've done it"],
      ["Action.Execute", "help", "I need help"],
      ["Action.Execute", "noSmartphone", "No smartphone?"],
      ["Action.Execute", "snooze", "Remind me later"],
    ]);
  });

  it("leaves out Remind me later when no snooze is available, on the reminder and on stillMissing", () => {
    const withoutSnooze = sampleCards("en").filter(
      (s) => (s.name === "reminder" || s.name === "stillMissing") && !(s.card as { snoozeAvailable: boolean }).snoozeAvailable,
    );
    expect(withoutSnooze.length).toBeGreaterThan(5);
    for (const sample of withoutSnooze) {
      const verbs = ofType(render(sample), "Action.Execute").map((action) => action.verb);
      expect(verbs, sample.label).toEqual(["done", "help", "noSmartphone"]);
    }
  });

  it("says an overdue reminder is overdue, with the right count, in the attention colour", () => {
    const context = sampleContext("en");
    const card = renderCard(
      "reminder",
      {
        kind: "overdue",
        firstName: "Anna",
        deadline: "2025-03-14",
        daysLeft: -2,
        methodsRegistered: [],
        snoozeAvailable: false,
        outboxId: "o",
        userId: "u",
      },
      context,
    );
    const status = ofType(card, "TextBlock").find((block) => block.text === "2 days overdue");
    expect(status?.color).toBe("attention");
    expect(visibleText(card)).toContain("The deadline for your second sign-in method has passed");
    const german = renderCard("reminder", { ...reminder(-1), kind: "overdue" }, sampleContext("de"));
    expect(visibleText(german)).toContain("Frist seit 1 Tag abgelaufen");
  });

  it("counts the days left in words and keeps the neutral colour before the deadline", () => {
    const days = (daysLeft: number) => {
      const card = renderCard("reminder", reminder(daysLeft), sampleContext("en"));
      return ofType(card, "TextBlock").find((block) => /left|deadline$/.test(String(block.text)) && block.weight === "bolder");
    };
    expect(days(3)).toMatchObject({ text: "3 days left", color: "accent" });
    expect(days(1)).toMatchObject({ text: "1 day left" });
    expect(days(0)).toMatchObject({ text: "Today is the deadline" });
  });

  it("shows the deadline as a localised date in every language", () => {
    // Commas vary between ICU versions; the words and their order do not.
    const expected = {
      en: /Friday,? 14 March 2025/,
      de: /Freitag,? 14\. März 2025/,
      fr: /vendredi,? 14 mars 2025/,
      es: /viernes,? 14 de marzo de 2025/,
      nl: /vrijdag,? 14 maart 2025/,
    };
    for (const language of LANGUAGES) {
      expect(visibleText(renderCard("reminder", reminder(3), sampleContext(language)))).toMatch(expected[language]);
    }
  });

  it("says what someone with SMS only has and still needs when the Authenticator app is required", () => {
    const card = renderCard("reminder", { ...reminder(3), methodsRegistered: ["mobilePhone"] }, sampleContext("en", "authenticator"));
    const text = visibleText(card);
    expect(text).toContain("What your account has now:");
    expect(text).toContain("• Text message or call to your mobile");
    expect(text).toContain("Still needed: the Microsoft Authenticator app");
  });

  it("says nothing about a gap when the methods already meet the requirement, or there are none", () => {
    const sms = renderCard("reminder", { ...reminder(3), methodsRegistered: ["mobilePhone"] }, sampleContext("en", "mfa"));
    const none = renderCard("reminder", { ...reminder(3), methodsRegistered: ["password"] }, sampleContext("en", "phishingResistant"));
    expect(visibleText(sms)).not.toContain("Still needed");
    expect(visibleText(none)).not.toContain("Still needed");
    const app = renderCard(
      "reminder",
      { ...reminder(3), methodsRegistered: ["microsoftAuthenticatorPush"] },
      sampleContext("en", "phishingResistant"),
    );
    expect(visibleText(app)).toContain("Still needed: a security key (FIDO2), a passkey or Windows Hello for Business");
  });
});
