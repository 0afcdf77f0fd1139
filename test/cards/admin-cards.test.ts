import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cardsDir } from "../../src/cards/cards-dir.js";
import { nodes, render, visibleText } from "./card-nodes.js";
import { LANGUAGES, sampleCards } from "./card-samples.js";
import { adminSampleCards, sampleDoctorChecks, sampleStatus } from "./admin-card-samples.js";
import { renderCard } from "../../src/cards/render-card.js";
import type { DoctorCard } from "../../src/cards/card-data.js";
import { sampleContext } from "./card-samples.js";
import { chartProblems, chartsIn, replaceChartsWithFallbacks } from "./chart-elements.js";
import { validateAdaptiveCard } from "./validate-adaptive-card.js";

const everySample = LANGUAGES.flatMap((language) =>
  adminSampleCards(language).map((sample) => ({ ...sample, label: `${language}: ${sample.label}` })),
);

describe("renderCard: the cards for admins and managers", () => {
  it("has a sample of every new card in every language", () => {
    const names = new Set(everySample.map((sample) => sample.name));
    expect([...names].sort()).toEqual([
      "adminReport",
      "alert",
      "digest",
      "digestReminded",
      "doctor",
      "help",
      "pending",
      "preview",
      "status",
      "user",
      "welcome",
    ]);
  });

  it.each(everySample.map((sample) => [sample.label, sample] as const))(
    "renders %s as an Adaptive Card 1.5 that the schema accepts once charts give way to their fallbacks",
    (_label, sample) => {
      const card = render(sample);
      expect(validateAdaptiveCard(replaceChartsWithFallbacks(card))).toEqual([]);
      expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5", lang: sample.context.language });
      expect(card.$schema).toBe("http://adaptivecards.io/schemas/adaptive-card.json");
    },
  );

  it("gives every chart only documented properties, data of the documented shape and a valid text fallback", () => {
    const problems = everySample.flatMap((sample) => chartProblems(render(sample)).map((problem) => `${sample.label}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it("draws the share registered as a donut and the trend as a line, on the status and the daily report", () => {
    for (const sample of everySample.filter((s) => s.label.endsWith("status, paused, mid-rollout") || s.label.endsWith(": adminReport"))) {
      expect(
        chartsIn(render(sample)).map((chart) => chart.type),
        sample.label,
      ).toEqual(["Chart.Donut", "Chart.Line"]);
    }
    expect(chartsIn(render(everySample.find((s) => s.label === "en: status, before the first sync")!))).toEqual([]);
  });

  it("lists the doctor's checks by section, each with its mark and colour, and a fix only where something is not ok", () => {
    const card = renderCard("doctor", { checks: sampleDoctorChecks(), checkedAt: "2025-03-11T09:15:00Z" }, sampleContext("en"));
    // After the header every card opens with.
    const blocks = nodes(card.body.slice(1)).filter((n) => n.type === "TextBlock" && n.weight === "bolder");
    expect(blocks.map((b) => [b.text, b.color ?? null])).toEqual([
      ["2 problems to fix · 1 thing to look at · 1 check skipped", "attention"],
      ["Access to Microsoft Graph", null],
      ["✓ Graph sign-in", "good"],
      ["✓ Permission AuditLog.Read.All", "good"],
      ["✗ Permission UserAuthenticationMethod.Read.All", "attention"],
      ["✓ Entra ID P1 or P2", "good"],
      ["The Teams app and the bot", null],
      ["✓ The app in the catalog", "good"],
      ["! The app package", "warning"],
      ["The campaign", null],
      ["✓ The campaign's groups", "good"],
      ["How MFA is enforced", null],
      ["✗ Break-glass accounts", "attention"],
      ["– Entra's registration campaign", "default"],
    ]);
    const fixes = visibleText(card)
      .split("\n")
      .filter((line) => line.startsWith("What to do: "));
    expect(fixes).toEqual([
      "What to do: Grant the application permission UserAuthenticationMethod.Read.All (Entra admin center > App registrations > " +
        'the app > API permissions), then press "Grant admin consent".',
      "What to do: Build it: TEAMS_APP_ID=... BOT_ID=... npm run package.",
      "What to do: Exclude each named account (or a group holding it) under the policy's Users > Exclude in the Entra admin center.",
    ]);
    expect(visibleText(card)).toContain("Checked on Tuesday 11 March at 10:15");
  });

  it.each([
    ["securityDefaults", [], "MFA enforcement: security defaults, for everyone (checked Mon 10 Mar)", "default"],
    ["conditionalAccess", ["Require MFA"], 'MFA enforcement: Conditional Access, "Require MFA" (checked Mon 10 Mar)', "default"],
    [
      "partial",
      ["Admins MFA", "Pilot MFA"],
      'MFA enforcement: only for some people, "Admins MFA", "Pilot MFA" (checked Mon 10 Mar)',
      "warning",
    ],
    ["reportOnly", ["Require MFA"], 'MFA enforcement: none yet, "Require MFA" is only in report-only mode (checked Mon 10 Mar)', "warning"],
    ["none", [], "MFA enforcement: none yet, so the deadline on the cards means nothing yet (checked Mon 10 Mar)", "attention"],
    ["unknown", [], "MFA enforcement: unknown. Grant Policy.Read.All, then type mfa doctor.", "default"],
  ] as const)("says on the status card in one line how MFA is enforced: %s", (state, policies, line, color) => {
    const status = { ...sampleStatus(), enforcement: { state, policies, checkedAt: "2025-03-10T16:45:00Z" } };
    const block = nodes(renderCard("status", status, sampleContext("en"))).find((n) => String(n.text).startsWith("MFA enforcement"));
    expect([block?.text, block?.color]).toEqual([line, color]);
  });

  it("says on the status card that enforcement was never checked, before the first doctor run", () => {
    const text = visibleText(renderCard("status", { ...sampleStatus(), enforcement: null }, sampleContext("en")));
    expect(text).toContain("MFA enforcement: not checked yet. Type mfa doctor.");
  });

  it("leaves no template expression unresolved in any card", () => {
    const unresolved = everySample.filter((sample) => JSON.stringify(render(sample)).includes("${"));
    expect(unresolved.map((sample) => sample.label)).toEqual([]);
  });

  it("opens with the same header as the cards people are reminded with", () => {
    for (const language of LANGUAGES) {
      const personHeader = JSON.stringify(render(sampleCards(language)[0]!).body[0]);
      for (const sample of adminSampleCards(language)) expect(JSON.stringify(render(sample).body[0]), sample.label).toBe(personHeader);
    }
  });

  it("carries no link at all, and its only button is the digest's Remind them now, naming the digest and manager", () => {
    for (const sample of everySample) {
      const card = render(sample);
      const actions = nodes(card).filter((node) => String(node.type).startsWith("Action."));
      for (const action of actions) {
        expect([action.type, action.verb], sample.label).toEqual(["Action.Execute", "remindTeam"]);
        const data = action.data as Record<string, unknown>;
        expect(Object.keys(data).sort(), sample.label).toEqual(["digestId", "managerId"]);
        expect([typeof data.digestId, typeof data.managerId], sample.label).toEqual(["string", "string"]);
      }
      expect(JSON.stringify(card), sample.label).not.toMatch(/\]\(https?:/);
    }
  });

  it("shows no English in another language's cards, apart from the names and reasons the caller supplies", () => {
    // Every English phrase of the strings this family uses that a translation changes; a card in
    // German showing one of them has a word that did not come from its strings file.
    const en = leaves(readStrings("en"));
    const prefixes = ["status.", "pending.", "user.", "preview.", "help.", "welcome.", "digest", "alert.", "commands.", "list.", "doctor."];
    for (const language of LANGUAGES.filter((l) => l !== "en")) {
      const own = new Map(leaves(readStrings(language)));
      const english = en
        .filter(([key, text]) => prefixes.some((p) => key.startsWith(p)) && own.get(key) !== text)
        .flatMap(([, text]) => text.split(/\{\w+\}/))
        .map((fragment) => fragment.trim())
        // Typed commands ("mfa pending Sales 3") are the same in every language.
        .filter((fragment) => fragment.length >= 12 && !fragment.startsWith("mfa "));
      const leaked = adminSampleCards(language).flatMap((sample) => {
        // What doctor found and its fixes are its own words, in English, like the CLI's.
        const supplied = sample.name === "doctor" ? (sample.card as DoctorCard).checks.flatMap((c) => [c.detail, c.fix]) : [];
        const text = supplied.reduce((rest, words) => rest.split(words).join(""), visibleText(replaceChartsWithFallbacks(render(sample))));
        return english.filter((fragment) => text.includes(fragment)).map((fragment) => `${language}: ${sample.label}: "${fragment}"`);
      });
      expect(leaked).toEqual([]);
    }
  });
});

type Tree = { [key: string]: string | Tree };

function readStrings(language: string): Tree {
  return JSON.parse(readFileSync(join(cardsDir(), "strings", `${language}.json`), "utf8")) as Tree;
}

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}
