import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cardsDir } from "../../src/cards/cards-dir.js";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";
import { validateAdaptiveCard } from "./validate-adaptive-card.js";

const oracle = join(findProjectRoot(import.meta.url), "test", "oracles", "adaptive-cards");
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as unknown;

const minimal = {
  type: "AdaptiveCard",
  version: "1.5",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  body: [{ type: "TextBlock", text: "Hello", wrap: true }],
};

describe("validateAdaptiveCard", () => {
  it("accepts a minimal card, with or without Teams' full width", () => {
    expect(validateAdaptiveCard(minimal)).toEqual([]);
    expect(validateAdaptiveCard({ ...minimal, msteams: { width: "Full" } })).toEqual([]);
  });

  it("rejects a property the schema does not know, and a misspelt element", () => {
    expect(validateAdaptiveCard({ ...minimal, body: [{ type: "TextBlock", text: "Hi", wrapp: true }] })).not.toEqual([]);
    expect(validateAdaptiveCard({ ...minimal, body: [{ type: "Textblock", text: "Hi" }] })).not.toEqual([]);
    expect(validateAdaptiveCard({ ...minimal, actions: [{ type: "Action.OpenUrl", title: "Go" }] })).not.toEqual([]);
  });

  it("rejects msteams settings Teams does not document", () => {
    expect(validateAdaptiveCard({ ...minimal, msteams: { width: "full" } })).toEqual([expect.stringContaining("/msteams/width")]);
    expect(validateAdaptiveCard({ ...minimal, msteams: { height: "Full" } })).toEqual([expect.stringContaining("/msteams/height")]);
  });

  it("accepts Microsoft's known-good 1.5 samples and rejects the three the schema lags", () => {
    const samples = readdirSync(join(oracle, "samples-v1.5")).sort();
    const failing = samples.filter((file) => validateAdaptiveCard(readJson(join(oracle, "samples-v1.5", file))).length > 0);
    expect(failing).toEqual(["ExpenseReport.json", "InputsWithValidation.json", "Table.json"]);
  });
});

describe("the vendored Adaptive Card files", () => {
  // SHA-256 of Microsoft's files (microsoft/AdaptiveCards schemas/1.5.0/adaptive-card.json, samples/HostConfig/*).
  it.each([
    ["schema/adaptive-card-1.5.0.schema.json", "32c91fb285180a266a55b3475dd0396e63fe079311714d3a14963b41f5e17920"],
    ["host-config/microsoft-teams-light.json", "52593ded0b4910e1697b5e9fd7d0bcf353a063685318051527ef434e04640a59"],
    ["host-config/microsoft-teams-dark.json", "bd1dcacbcf8a05f7d223c20520da0995ae1849112195f789e6355504fa00623e"],
  ])("cards/%s is Microsoft's file, unchanged", (file, sha256) => {
    expect(
      createHash("sha256")
        .update(readFileSync(join(cardsDir(), file)))
        .digest("hex"),
    ).toBe(sha256);
  });

  it("ships Microsoft's MIT licence beside them", () => {
    expect(readFileSync(join(cardsDir(), "LICENSE.AdaptiveCards.txt"), "utf8")).toMatch(/^MIT License/);
  });
});
