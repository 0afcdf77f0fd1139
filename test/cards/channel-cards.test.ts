import { describe, expect, it } from "vitest";
import { renderCard } from "../../src/cards/render-card.js";
import { ofType, visibleText } from "./card-nodes.js";
import { sampleContext } from "./card-samples.js";
import { adminSampleCards, sampleStatus } from "./admin-card-samples.js";
import { chartsIn, replaceChartsWithFallbacks } from "./chart-elements.js";

describe("renderCard: the admin channel's report and alerts", () => {
  const report = adminSampleCards("en").find((sample) => sample.label === "adminReport")!;

  it("reports what changed since yesterday before the status, names up to five and counts the rest", () => {
    const card = renderCard("adminReport", report.card as never, report.context);
    const text = visibleText(replaceChartsWithFallbacks(card));
    expect(text).toContain("Daily MFA report");
    expect(text).toContain("Since yesterday\nNewly registered\n57\nNewly unreachable\n6\nDelivery failures\n3");
    expect(text).toContain("• Jonas Weber (jonas.weber@contoso.com)");
    expect(text).not.toContain("Sara Lind");
    expect(text).toContain("and 1 more");
    expect(text.indexOf("Since yesterday")).toBeLessThan(text.indexOf("64.2\u00a0% registered"));
  });

  it("carries the whole status, charts included, with times that name the channel's zone", () => {
    const card = renderCard("adminReport", report.card as never, report.context);
    const status = renderCard("status", sampleStatus(), sampleContext("en"));
    expect(chartsIn(card)).toEqual(chartsIn(status));
    expect(visibleText(card)).toMatch(/As of the directory sync on Tuesday,? 11 March 2025 at 06:00 (CET|GMT\+1)/);
  });

  it("says on a quiet day that nothing changed, without names", () => {
    const card = renderCard(
      "adminReport",
      { status: sampleStatus(), newlyRegistered: 0, newlyUnreachable: [], failures: 0 },
      sampleContext("en"),
    );
    const text = visibleText(replaceChartsWithFallbacks(card));
    const changes = text.slice(text.indexOf("Since yesterday"), text.indexOf("64.2\u00a0% registered"));
    expect(changes).toBe("Since yesterday\nNewly registered\n0\nNewly unreachable\n0\nDelivery failures\n0\n");
  });

  it("alerts in the attention style with what is wrong, since when, what to check and the last error", () => {
    const card = renderCard(
      "alert",
      { problem: "credentialsRejected", detail: "AADSTS7000215: Invalid client secret provided.", since: "2025-03-11T06:40:00Z" },
      sampleContext("en"),
    );
    const text = visibleText(card);
    expect(ofType(card, "Container").find((c) => c.style === "attention")).toBeDefined();
    expect(ofType(card, "TextBlock").find((b) => b.text === "The bot's credentials were rejected")).toMatchObject({ color: "attention" });
    expect(text).toMatch(/Since Tuesday,? 11 March 2025 at 07:40 (CET|GMT\+1)/);
    expect(text).toContain("What to check:\n• Has the client secret or certificate expired?");
    expect(text.match(/^• /gm)).toHaveLength(3);
    expect(ofType(card, "TextBlock").find((b) => b.fontType === "monospace")?.text).toBe("AADSTS7000215: Invalid client secret provided.");
  });

  it("has its own words for each problem, in every language", () => {
    const titles = (["deliveryFailing", "credentialsRejected", "graphRefusing", "teamsAppSetup"] as const).map(
      (problem) =>
        ofType(renderCard("alert", { problem, detail: "x", since: "2025-03-11T06:40:00Z" }, sampleContext("de")), "TextBlock")[2]?.text,
    );
    expect(titles).toEqual([
      "Erinnerungen werden nicht zugestellt",
      "Die Anmeldedaten des Bots wurden abgelehnt",
      "Microsoft Graph lehnt die Anfragen des Bots ab",
      "Der Bot kann sich nicht für Personen installieren",
    ]);
  });

  it("shortens a long error and leaves out an empty one", () => {
    const long = renderCard(
      "alert",
      { problem: "graphRefusing", detail: "<html>".padEnd(2000, "x"), since: "2025-03-11T06:40:00Z" },
      sampleContext("en"),
    );
    expect(String(ofType(long, "TextBlock").at(-1)?.text).length).toBeLessThanOrEqual(300);
    const empty = renderCard("alert", { problem: "graphRefusing", detail: "  ", since: "2025-03-11T06:40:00Z" }, sampleContext("en"));
    expect(visibleText(empty)).not.toContain("Last error");
  });
});
