import { describe, expect, it } from "vitest";
import { retryAfterToMs } from "../../src/time/retry-after.js";

// Whole seconds, as an HTTP date has no finer unit.
const now = Date.UTC(2026, 10, 23, 10, 0, 0);

describe("reading a Retry-After header", () => {
  it.each<[string, string | null, number]>([
    ["seconds", "2", 2000],
    ["seconds with a fraction", "1.5", 1500],
    ["seconds with blanks around them", " 3 ", 3000],
    ["zero seconds", "0", 0],
    ["negative seconds, as no wait", "-5", 0],
    ["an HTTP date 3 s ahead", new Date(now + 3000).toUTCString(), 3000],
    ["an HTTP date already past, as no wait", new Date(now - 3000).toUTCString(), 0],
    ["no header: a second", null, 1000],
    ["an empty header: a second, not none", "", 1000],
    ["a header of blanks: a second, not none", "   ", 1000],
    ["garbage: a second", "soon", 1000],
  ])("%s", (_name, header, ms) => {
    expect(retryAfterToMs(header, now)).toBe(ms);
  });
});
