import { describe, expect, it } from "vitest";
import { pickLanguage } from "../../src/cards/pick-language.js";

describe("pickLanguage", () => {
  it.each([
    ["de-DE", "de"],
    ["de-AT", "de"],
    ["en-GB", "en"],
    ["fr-CA", "fr"],
    ["es-MX", "es"],
    ["nl-BE", "nl"],
    ["NL", "nl"],
    ["de_CH", "de"],
    [" fr-FR ", "fr"],
    ["it-IT", "en"],
    ["", "en"],
    [null, "en"],
    [undefined, "en"],
    ["deutsch", "en"],
  ])("picks %j as %s", (preferredLanguage, expected) => {
    expect(pickLanguage(preferredLanguage)).toBe(expected);
  });
});
