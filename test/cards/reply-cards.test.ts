import { describe, expect, it } from "vitest";
import { renderCard } from "../../src/cards/render-card.js";
import { actionsOf, ofType, reminder, render, unescapeMarkdown, visibleText } from "./card-nodes.js";
import { sampleCards, sampleContext } from "./card-samples.js";

describe("renderCard: the replies to a person's buttons", () => {
  it("lists only the alternatives each requirement allows when someone has no smartphone", () => {
    const options = (requirement: "mfa" | "authenticator" | "phishingResistant") =>
      ofType(renderCard("noSmartphone", { outboxId: "o", userId: "u" }, sampleContext("en", requirement)), "TextBlock")
        .map((block) => unescapeMarkdown(String(block.text)))
        .filter((text) => text.startsWith("• "));
    expect(options("mfa")).toEqual([
      expect.stringContaining("call or text message to your mobile or office phone"),
      expect.stringContaining("hardware token"),
      expect.stringContaining("security key (FIDO2)"),
    ]);
    expect(options("authenticator")).toEqual([expect.stringContaining("hardware token"), expect.stringContaining("security key (FIDO2)")]);
    expect(options("phishingResistant")).toEqual([
      expect.stringContaining("security key (FIDO2)"),
      expect.stringContaining("Windows Hello for Business"),
    ]);
  });

  it("keeps only Set up now and I need help on noSmartphone and snoozeRefused", () => {
    for (const sample of sampleCards("en").filter((s) => s.name === "noSmartphone" || s.label === "snoozeRefused")) {
      const actions = actionsOf(render(sample));
      expect(
        actions.map((action) => action.verb ?? action.type),
        sample.label,
      ).toEqual(["Action.OpenUrl", "help"]);
    }
  });

  it("tells a person when the next reminder comes, on their clock, and how many snoozes remain", () => {
    const snoozed = (snoozesLeft: number, language: "en" | "de" = "en") =>
      visibleText(
        renderCard(
          "snoozed",
          { until: "2025-03-11T09:00:00Z", snoozesLeft, refused: false, deadline: "2025-03-14", outboxId: "o", userId: "u" },
          sampleContext(language),
        ),
      );
    expect(snoozed(2)).toMatch(/I'll remind you again on Tuesday,? 11 March at 10:00\./);
    expect(snoozed(2)).toContain("You can postpone 2 more times.");
    expect(snoozed(1)).toContain("You can postpone 1 more time.");
    expect(snoozed(0)).toContain("That was your last postponement.");
    expect(snoozed(2, "de")).toMatch(/Ich erinnere Sie wieder am Dienstag,? 11\. März um 10:00\./);
  });

  it("refuses a snooze politely and repeats the deadline", () => {
    const card = renderCard(
      "snoozed",
      { until: "2025-03-11T09:00:00Z", snoozesLeft: 0, refused: true, deadline: "2025-03-14", outboxId: "o", userId: "u" },
      sampleContext("en"),
    );
    expect(visibleText(card)).toMatch(/Your deadline is Friday,? 14 March 2025\./);
    expect(visibleText(card)).not.toContain("remind you again");
  });

  it("thanks the person with the methods now registered and promises no more reminders", () => {
    const card = renderCard(
      "thankYou",
      { firstName: "Anna", methodsRegistered: ["microsoftAuthenticatorPush", "softwareOneTimePasscode"] },
      sampleContext("en"),
    );
    expect(visibleText(card)).toContain("Thank you, Anna");
    expect(visibleText(card)).toContain("• Microsoft Authenticator app");
    expect(visibleText(card)).toContain("You won't get any more reminders about this.");
    expect(ofType(card, "Action.Execute")).toEqual([]);
  });

  it("says what the live check found and what is still needed after I've done it", () => {
    const found = renderCard(
      "stillMissing",
      { ...reminder(3), methodsFound: ["mobilePhone", "email"] },
      sampleContext("en", "authenticator"),
    );
    expect(visibleText(found)).toContain("• Text message or call to your mobile\n• Email (only for resetting your password)");
    expect(visibleText(found)).toContain("Still needed: the Microsoft Authenticator app");
    const nothing = renderCard("stillMissing", { ...reminder(3), methodsFound: ["password"] }, sampleContext("en"));
    expect(visibleText(nothing)).toContain("found no second sign-in method yet");
    expect(visibleText(nothing)).not.toMatch(/password\n|• /);
  });

  it("keeps the reminder's buttons when I've done it finds too little", () => {
    const context = sampleContext("en", "authenticator");
    const buttons = (card: ReturnType<typeof renderCard>) => actionsOf(card).map((action) => [action.type, action.verb, action.title]);
    const stillMissing = renderCard("stillMissing", { ...reminder(3), methodsFound: ["mobilePhone"] }, context);
    expect(buttons(stillMissing)).toEqual(buttons(renderCard("reminder", reminder(3), context)));
    expect(buttons(stillMissing)).toHaveLength(5);
  });

  it("names the helpdesk and shows its address and email as text when someone asks for help", () => {
    const card = renderCard("helpRequested", {}, sampleContext("en"));
    expect(visibleText(card)).toContain("I've let Contoso Service Desk know.");
    expect(visibleText(card)).toContain("https://help.contoso.com");
    expect(visibleText(card)).toContain("servicedesk@contoso.com");
    const bare = renderCard("helpRequested", {}, { ...sampleContext("en"), helpdesk: { name: "Contoso Service Desk" } });
    expect(visibleText(bare)).not.toContain("To reach them yourself");
  });
});
