import { describe, expect, it } from "vitest";
import type { PendingCard, UserCard } from "../../src/cards/card-data.js";
import { renderCard } from "../../src/cards/render-card.js";
import { listedCommands } from "../../src/chatops/chat-commands.js";
import { ofType, unescapeMarkdown, visibleText } from "./card-nodes.js";
import { LANGUAGES, sampleContext } from "./card-samples.js";
import { adminSampleCards } from "./admin-card-samples.js";

const sampleOf = <T>(label: string) => adminSampleCards("en").find((sample) => sample.label === label)!.card as T;

describe("renderCard: answers to admin commands", () => {
  describe("pending", () => {
    const page = sampleOf<PendingCard>("pending, Sales, page 2 of 7");

    it("shows the filter, the page and the total, and one entry per person", () => {
      const text = visibleText(renderCard("pending", page, sampleContext("en")));
      expect(text).toContain("Filter: Sales\nPage 2 of 7, 120 people");
      expect(text).toContain("Anna Schmidt\nanna.schmidt@contoso.com · Sales\n3 days left · 2 reminders");
      expect(text).toContain("Chloé Martin\nchloe.martin@contoso.com\nToday is the deadline · 3 reminders");
      expect(text).toContain("David Jansen\ndavid.jansen@contoso.com · Sales\nNot reminded yet");
    });

    it("says an overdue person is overdue, in the attention colour", () => {
      const card = renderCard("pending", page, sampleContext("en"));
      expect(ofType(card, "TextBlock").find((block) => block.text === "2 days overdue · 4 reminders")).toMatchObject({
        color: "attention",
      });
      expect(ofType(card, "TextBlock").find((block) => block.text === "3 days left · 2 reminders")).toMatchObject({ color: "default" });
    });

    it("hints at the command for the next page only when there is one, and offers no button for it", () => {
      const withNext = renderCard("pending", page, sampleContext("en"));
      expect(visibleText(withNext)).toContain("For the next page, type:\nmfa pending Sales 3");
      expect(ofType(withNext, "TextBlock").find((block) => block.text === "mfa pending Sales 3")).toMatchObject({ fontType: "monospace" });
      expect(ofType(withNext, "ActionSet")).toEqual([]);
      for (const language of LANGUAGES) {
        const last = visibleText(renderCard("pending", { ...page, page: 7, nextCommand: null }, sampleContext(language)));
        expect(last).not.toContain("mfa pending");
      }
    });

    it("says so when nobody is left, and labels an unfiltered list as everyone", () => {
      expect(visibleText(renderCard("pending", sampleOf<PendingCard>("pending, nobody left"), sampleContext("en")))).toContain(
        "Filter: Finance\nNobody here still needs to register.",
      );
      const everyone = visibleText(renderCard("pending", { ...page, filter: null }, sampleContext("en")));
      expect(everyone).toContain("Everyone who hasn't registered");
      expect(visibleText(renderCard("pending", { ...page, total: 1 }, sampleContext("en")))).toContain("Page 2 of 7, 1 person");
    });
  });

  describe("user", () => {
    const ben = sampleOf<UserCard>("user, not registered, overdue");

    it("shows the person's state, methods, department, manager, phase and deadline with days left", () => {
      const card = renderCard("user", ben, sampleContext("en"));
      const text = visibleText(card);
      expect(ofType(card, "TextBlock").find((block) => block.text === "Not registered yet")).toMatchObject({ color: "attention" });
      expect(text).toContain("Methods\nText message or call to your mobile\nDepartment\nSales\nManager\nBernd Keller\nPhase\nPilot");
      expect(text).toMatch(/Deadline\nSunday,? 9 March 2025 \(2 days overdue\)/);
    });

    it("lists every event in time order, each with its day and time on the reader's clock", () => {
      const card = renderCard("user", ben, sampleContext("en"));
      const history = ofType(card, "FactSet").at(-1)?.facts as { title: string; value: string }[];
      expect(history.map((fact) => [fact.title.replace(/\u00a0/g, " "), fact.value])).toEqual([
        ["24 Feb, 10:00", "First reminder sent; deadline set to 9 March"],
        ["5 Mar, 10:02", "Second reminder sent"],
        ["7 Mar, 15:31", 'Pressed "I need help"; helpdesk told'],
        ["10 Mar, 10:00", "Overdue reminder sent; manager told"],
      ]);
    });

    it("says when someone is registered, excluded or unreachable, and leaves out what is unknown", () => {
      const marie = renderCard("user", sampleOf<UserCard>("user, registered, no department or manager, unreachable"), sampleContext("en"));
      expect(ofType(marie, "TextBlock").find((block) => block.text === "Registered")).toMatchObject({ color: "good" });
      expect(visibleText(marie)).toContain("Unreachable in Teams: an app permission policy keeps the bot from them (Forbidden)");
      expect(visibleText(marie)).toMatch(/Deadline\nThursday,? 20 March 2025\n/);
      expect(visibleText(marie)).not.toMatch(/Department|Manager|days left/);
      expect(visibleText(marie)).toContain("History\nNothing yet.");
      const glass = visibleText(renderCard("user", sampleOf<UserCard>("user, excluded, in no phase"), sampleContext("en")));
      expect(glass).toContain("Excluded: emergency access account");
      expect(glass).toContain("Methods\nNone yet\nPhase\nNone\nDeadline\nNot set yet");
    });
  });

  describe("preview", () => {
    const preview = adminSampleCards("en").find((sample) => sample.label === "preview, with skips and a sample")!;

    it("says first that nothing was sent, then what would be", () => {
      const text = visibleText(renderCard("preview", preview.card as never, preview.context));
      expect(text).toMatch(/^Contoso IT Service Desk\n[^\n]+\nPreview of the next run\nNothing was sent\./);
      expect(text).toContain("Reminders\n143\nEscalations to managers\n8");
    });

    it("counts the reasons others are not contacted now, largest first, leaving out zeros", () => {
      const card = renderCard("preview", preview.card as never, preview.context);
      const facts = ofType(card, "FactSet")[1]?.facts as { title: string; value: string }[];
      expect(facts.map((fact) => `${fact.title}: ${fact.value}`)).toEqual([
        "Registered: 1,234",
        "Not due yet: 388",
        "Outside their working hours: 61",
        "Already reminded today: 40",
        "Postponed: 26",
        "Excluded: 12",
        "Unreachable in Teams: 7",
        "somethingNew: 2",
      ]);
    });

    it("shows a sample of at most ten, each with action, phase, deadline and reason", () => {
      const text = visibleText(renderCard("preview", preview.card as never, preview.context));
      expect(text).toContain(
        "Sample (2 of 151):\nanna.schmidt@contoso.com\nReminder · Pilot · deadline Fri 14 Mar\n3 days before the deadline",
      );
      expect(text).toContain("ben.okafor@contoso.com\nEscalation to manager · Pilot · deadline Sun 9 Mar");
      const many = {
        remind: 20,
        escalate: 0,
        skipped: {},
        sample: Array.from({ length: 20 }, (_, i) => ({
          userPrincipalName: `p${i}@contoso.com`,
          action: "remind" as const,
          phase: "Pilot",
          deadline: "2025-03-14",
          reason: "due",
        })),
      };
      const card = renderCard("preview", many, sampleContext("en"));
      expect(visibleText(card).match(/@contoso\.com/g)).toHaveLength(10);
      expect(visibleText(card)).toContain("Sample (10 of 20):");
    });
  });

  describe("help", () => {
    it("lists every command with what it does, and an example for those that take an argument", () => {
      const card = renderCard("help", { unknownCommand: null, commands: listedCommands() }, sampleContext("en"));
      const usages = ofType(card, "TextBlock")
        .filter((block) => block.fontType === "monospace")
        .map((block) => unescapeMarkdown(String(block.text)));
      expect(usages).toEqual([
        "mfa status",
        "mfa pending [department or manager]",
        "mfa user <name or email>",
        "mfa preview",
        "mfa remind <email>",
        "mfa pause",
        "mfa resume",
        "mfa export",
        "mfa doctor",
        "mfa help",
      ]);
      const text = visibleText(card);
      expect(text).toContain("Example: mfa pending Sales");
      expect(text).toContain("Example: mfa remind anna.schmidt@contoso.com");
      expect(text).toContain("The slash is optional: /mfa status and mfa status do the same.");
      expect(text).not.toContain("recognise");
    });

    it("opens with what it did not recognise, shortened if long", () => {
      const card = renderCard("help", { unknownCommand: "mfa stats", commands: listedCommands() }, sampleContext("en"));
      expect(ofType(card, "TextBlock")[2]).toMatchObject({ text: "I didn't recognise 'mfa stats'.", color: "attention" });
      const long = visibleText(
        renderCard("help", { unknownCommand: `please\n${"x".repeat(500)}`, commands: listedCommands() }, sampleContext("en")),
      );
      expect(long).toMatch(/I didn't recognise 'please x{52}…'\./);
      expect(visibleText(renderCard("help", { unknownCommand: "mfa stats", commands: listedCommands() }, sampleContext("de")))).toContain(
        "„mfa stats“ habe ich nicht erkannt.",
      );
    });
  });

  describe("welcome", () => {
    it("says who it is from and the one thing it will do, and never asks for a password", () => {
      const text = visibleText(
        renderCard("welcome", { firstName: "Anna", isAdmin: false, commands: listedCommands() }, sampleContext("en")),
      );
      expect(text).toContain("Hello Anna\nI'm a Teams assistant from Contoso IT Service Desk.");
      expect(text).toContain("I'll remind you here");
      expect(text).toContain("That's all: I won't message you about anything else.");
      expect(text).toContain("I will never ask for your password.");
      expect(text).not.toContain("mfa status");
    });

    it("adds the commands for an admin", () => {
      const text = visibleText(
        renderCard("welcome", { firstName: "Dana", isAdmin: true, commands: listedCommands() }, sampleContext("en")),
      );
      expect(text).toContain("As an MFA rollout admin, you can also type these commands in this chat:\nmfa status\n");
      expect(text).toContain("mfa help\nThis list.\nType mfa help for examples.");
    });
  });
});
