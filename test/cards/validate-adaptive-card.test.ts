import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cardsDir } from "../../src/cards/cards-dir.js";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";
import { validateAdaptiveCard } from "./validate-adaptive-card.js";

const oracle = join(findProjectRoot(import.meta.url), "..", "shared", "oracles", "adaptive-cards");
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

  it.skipIf(!existsSync(oracle))("accepts Microsoft's known-good 1.5 samples and rejects the three the schema lags", () => {
    const samples = readdirSync(join(oracle, "samples-v1.5")).sort();
    const failing = samples.filter((file) => validateAdaptiveCard(readJson(join(oracle, "samples-v1.5", file))).length > 0);
    expect(failing).toEqual(["ExpenseReport.json", "InputsWithValidation.json", "Table.json"]);
  });
});

describe("the vendored Adaptive Card files", () => {
  it
    .skipIf(!existsSync(oracle))
    .each(["schema/adaptive-card-1.5.0.schema.json", "host-config/microsoft-teams-light.json", "host-config/microsoft-teams-dark.json"])(
    "cards/%s is the shared oracle's copy, unchanged",
    (file) => {
      expect(readFileSync(join(cardsDir(), file), "utf8")).toBe(readFileSync(join(oracle, file), "utf8"));
    },
  );

  it("ships Microsoft's MIT licence beside them", () => {
    expect(readFileSync(join(cardsDir(), "LICENSE.AdaptiveCards.txt"), "utf8")).toMatch(/^MIT License/);
  });
});
