import { describe, expect, it } from "vitest";
import { renderCard } from "../../src/cards/render-card.js";
import { ofType, unescapeMarkdown, visibleText } from "./card-nodes.js";
import { sampleContext } from "./card-samples.js";
import { sampleStatus } from "./admin-card-samples.js";
import { chartsIn, replaceChartsWithFallbacks } from "./chart-elements.js";

const status = (card = sampleStatus(), language: "en" | "de" | "fr" | "nl" = "en") => renderCard("status", card, sampleContext(language));
const fallbackText = (card: ReturnType<typeof status>) => visibleText(replaceChartsWithFallbacks(card));

describe("renderCard: status", () => {
  it("draws the share registered as a donut whose fallback says the same in words and numbers", () => {
    const card = status();
    const [donut] = chartsIn(card);
    expect(donut).toMatchObject({
      type: "Chart.Donut",
      title: "64.2\u00a0% registered",
      data: [
        { legend: "Registered", value: 1234, color: "good" },
        { legend: "Not registered yet", value: 688, color: "neutral" },
      ],
    });
    expect(fallbackText(card)).toContain("64.2\u00a0% registered: 1,234 of 1,922 people");
  });

  it("writes the numbers as the reader's language does", () => {
    expect(fallbackText(status(sampleStatus(), "de"))).toContain("64,2\u00a0% registriert: 1.234 von 1.922 Personen");
    expect(fallbackText(status(sampleStatus(), "fr"))).toContain("64,2\u00a0% d'inscrits\u00a0: 1\u202f234 sur 1\u202f922 personnes");
    expect(fallbackText(status(sampleStatus(), "nl"))).toContain("64,2% geregistreerd: 1.234 van 1.922 personen");
  });

  it("never rounds up to 100 % while someone is still missing", () => {
    const card = status({ ...sampleStatus(), members: 10_000, registered: 9_999 });
    expect(chartsIn(card)[0]?.title).toBe("99.9\u00a0% registered");
  });

  it("draws the trend as a line of every day, and its fallback gives the last five days' percentages", () => {
    const card = status();
    const line = chartsIn(card)[1];
    expect(line).toMatchObject({ type: "Chart.Line", title: "Registered over time", yAxisTitle: "% registered" });
    const [series] = line?.data as { legend: string; values: { x: string; y: number }[] }[];
    expect(series?.values).toHaveLength(7);
    expect(series?.values.at(-1)).toEqual({ x: "2025-03-11", y: 64.2 });
    const trend = fallbackText(card)
      .split("\n")
      .find((line) => line.startsWith("5\u00a0Mar"));
    expect(trend?.replace(/\u00a0/g, " ")).toBe("5 Mar: 49.3 % · 6 Mar: 52.8 % · 7 Mar: 55.1 % · 10 Mar: 60.4 % · 11 Mar: 64.2 %");
    expect(
      trend?.split(" · ").every((point) => !point.includes(" ")),
      "a point never breaks across lines",
    ).toBe(true);
  });

  it("leaves the line out until there are two days to join", () => {
    const card = status({ ...sampleStatus(), trend: sampleStatus().trend.slice(-1) });
    expect(chartsIn(card).map((chart) => chart.type)).toEqual(["Chart.Donut"]);
    expect(fallbackText(card)).not.toContain("Registered over time");
  });

  it("counts people by state", () => {
    const text = fallbackText(status());
    for (const line of [
      "Registered\n1,234",
      "Reminded, not registered yet\n512",
      "Not reminded yet\n131",
      "Postponed a reminder\n26",
      "Unreachable in Teams\n7",
      "Excluded\n12",
    ]) {
      expect(text).toContain(line);
    }
  });

  it("gives each phase its deadline, a date or days after the first reminder, and its progress", () => {
    const text = fallbackText(status());
    expect(text).toMatch(/Pilot\nDeadline: Friday,? 14 March 2025\n111 of 120 registered \(92\.5\u00a0%\)/);
    expect(text).toContain("Everyone else\nDeadline: 14 days after the first reminder\n1,123 of 1,802 registered (62.3\u00a0%)");
  });

  it("lists the five departments furthest behind, the furthest first", () => {
    const card = status();
    const facts = ofType(card, "FactSet").at(-1)?.facts as { title: string; value: string }[];
    expect(facts.map((fact) => fact.title)).toEqual(["Warehouse", "Field Sales", "Facilities", "Customer Service", "Finance"]);
    expect(unescapeMarkdown(facts[0]?.value ?? "")).toBe("96 of 310 (31\u00a0%)");
  });

  it("words each refusal in the reader's language, keeping Microsoft's code", () => {
    expect(fallbackText(status(sampleStatus(), "de"))).toContain(
      "• Marie Dubois (marie.dubois@contoso.com): eine App-Berechtigungsrichtlinie hält den Bot fern (Forbidden)",
    );
  });

  it("names up to five unreachable people and counts the rest", () => {
    const text = fallbackText(status({ ...sampleStatus(), signInInterrupts: null }));
    expect(text).toContain("• Jonas Weber (jonas.weber@contoso.com): the bot is not installed for them (BotNotInConversationRoster)");
    expect(text).toContain("• Marie Dubois (marie.dubois@contoso.com): an app permission policy keeps the bot from them (Forbidden)");
    expect(text).toContain("• Tom Baker (tom.baker@contoso.com): they blocked the bot in Teams (ConversationBlockedByUser)");
    expect(text.match(/^• /gm)).toHaveLength(5);
    expect(text).toContain("and 2 more");
    const none = fallbackText(status({ ...sampleStatus(), unreachable: [], unreachableCount: 0 }));
    expect(none).not.toContain("Unreachable in Teams\n•");
    expect(none).not.toContain("more");
  });

  it("says how many people were stopped at sign-in in the last 7 days, and by which apps most", () => {
    const text = fallbackText(status());
    expect(text).toContain(
      "Stopped at sign-in in the last 7 days: 9 people\n• Office 365 Exchange Online: 6 people\n• Microsoft Teams: 4 people\n" +
        "• OfficeHome: 1 person\nEach got a card with help instead of that day's reminder. Type mfa pending --blocked for the list.",
    );
    const nobody = fallbackText(status({ ...sampleStatus(), signInInterrupts: { people: 0, topApps: [] } }));
    expect(nobody).toContain("Stopped at sign-in in the last 7 days: 0 people\n");
    expect(nobody).not.toContain("Each got a card");
    // Before the sign-in log was ever read (no P1/P2, no permission) the card claims nothing.
    expect(fallbackText(status({ ...sampleStatus(), signInInterrupts: null }))).not.toContain("Stopped at sign-in");
  });

  it("says when the figures are from and shows who paused reminders, on the reader's clock", () => {
    const card = status();
    const text = fallbackText(card);
    expect(text).toMatch(/As of the directory sync on Tuesday,? 11 March at 06:00/);
    expect(text).toMatch(/Reminders are paused\nPaused by Dana Fischer on Tuesday,? 11 March at 09:12\./);
    expect(ofType(card, "Container").some((c) => c.style === "warning")).toBe(true);
    const running = status({ ...sampleStatus(), paused: null });
    expect(visibleText(running)).not.toContain("paused");
    expect(ofType(running, "Container").some((c) => c.style === "warning")).toBe(false);
  });

  it("marks admins not yet registered in the attention colour, and all registered in green", () => {
    const admins = (adminsNotRegistered: number) =>
      ofType(status({ ...sampleStatus(), adminsNotRegistered }), "TextBlock").find((block) => String(block.text).startsWith("Admins"));
    expect(admins(2)).toMatchObject({ text: "Admins: 12 of 14 registered", color: "attention" });
    expect(admins(0)).toMatchObject({ text: "Admins: 14 of 14 registered", color: "good" });
  });

  it("says there are no figures before the first sync, rather than showing zeros", () => {
    const card = status({
      ...sampleStatus(),
      members: 0,
      registered: 0,
      lastSync: null,
      trend: [],
      phases: [],
      furthestBehind: [],
      unreachable: [],
      unreachableCount: 0,
      paused: null,
    });
    const text = visibleText(card);
    expect(text).toContain("No directory sync has finished yet");
    expect(chartsIn(card)).toEqual([]);
    expect(text).not.toContain("Where everyone stands");
  });
});
