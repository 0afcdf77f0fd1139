import { describe, expect, it } from "vitest";
import { CardText } from "../../src/cards/card-text.js";
import { formatCardCount, formatCardPercent, percentOf } from "../../src/cards/format-card-number.js";

describe("formatCardCount", () => {
  it("groups digits as the reader's language does", () => {
    expect(formatCardCount(12345, "en")).toBe("12,345");
    expect(formatCardCount(12345, "de")).toBe("12.345");
    expect(formatCardCount(12345, "fr")).toBe("12\u202f345");
    expect(formatCardCount(12345, "nl")).toBe("12.345");
    expect(formatCardCount(12345, "es")).toBe("12.345");
  });
});

describe("formatCardPercent", () => {
  it("shows at most one decimal, with the language's decimal mark and sign", () => {
    expect(formatCardPercent(64.2019, CardText.load("en"))).toBe("64.2\u00a0%");
    expect(formatCardPercent(60, CardText.load("en"))).toBe("60\u00a0%");
    expect(formatCardPercent(64.2019, CardText.load("de"))).toBe("64,2\u00a0%");
    expect(formatCardPercent(64.2019, CardText.load("nl"))).toBe("64,2%");
  });

  it("never shows 100 % for less, nor 0 % for more", () => {
    expect(formatCardPercent(percentOf(9999, 10000), CardText.load("en"))).toBe("99.9\u00a0%");
    expect(formatCardPercent(percentOf(1, 10000), CardText.load("en"))).toBe("0.1\u00a0%");
    expect(formatCardPercent(100, CardText.load("en"))).toBe("100\u00a0%");
    expect(formatCardPercent(percentOf(0, 0), CardText.load("en"))).toBe("0\u00a0%");
  });
});
