import { describe, expect, it } from "vitest";
import { firstKnownLanguage, pickLanguage } from "../../src/cards/pick-language.js";

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

describe("firstKnownLanguage", () => {
  it.each([
    [["de-DE", "fr-FR"], "de-DE"],
    [["it-IT", "fr-FR"], "fr-FR"],
    [[undefined, null, "nl-BE"], "nl-BE"],
    [["ja-JP", "it-IT"], null],
    [[], null],
  ] as const)("picks the first we have strings for from %j", (tags, expected) => {
    expect(firstKnownLanguage(...tags)).toBe(expected);
  });
});
