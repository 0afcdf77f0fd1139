import { describe, expect, it } from "vitest";
import { isTransient, retryDelayMs } from "../../src/delivery/retry-delay.js";

describe("which Bot Connector answers are worth another try", () => {
  it.each([412, 429, 500, 501, 502, 503, 504, 599, 0])("tries again after a %i", (status) => {
    expect(isTransient(status)).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 413, 499])("does not try again after a %i", (status) => {
    expect(isTransient(status)).toBe(false);
  });
});

describe("how long to wait before the next try", () => {
  it.each([
    ["the server's Retry-After, whatever the attempt", 1, 7000, 7000],
    ["a Retry-After of zero: at once", 5, 0, 0],
  ])("waits for %s", (_name, attempt, retryAfter, wait) => {
    expect(retryDelayMs(attempt, retryAfter, () => 0.5)).toBe(wait);
  });

  // Full jitter over the upper half: between ceiling/2 and ceiling, where the ceiling doubles
  // from one second per attempt up to a minute.
  it.each<[number, number, number, number]>([
    [0, 0, 500, 1000],
    [1, 0, 500, 1000],
    [1, 0.5, 750, 1000],
    [2, 0, 1000, 2000],
    [3, 0.25, 2500, 4000],
    [4, 1, 8000, 8000],
    [5, 0.5, 12_000, 16_000],
    [6, 0, 16_000, 32_000],
    [7, 0, 30_000, 60_000],
    [7, 1, 60_000, 60_000],
    [12, 0.5, 45_000, 60_000],
  ])("on attempt %i with jitter %s waits %i ms (ceiling %i)", (attempt, jitter, wait) => {
    expect(retryDelayMs(attempt, undefined, () => jitter)).toBe(wait);
  });

  it("rounds to whole milliseconds", () => {
    expect(retryDelayMs(1, undefined, () => 1 / 3)).toBe(667);
  });

  it("draws its jitter from Math.random by default, within the attempt's bounds", () => {
    for (let i = 0; i < 50; i += 1) {
      const wait = retryDelayMs(3, undefined);
      expect(wait).toBeGreaterThanOrEqual(2000);
      expect(wait).toBeLessThanOrEqual(4000);
    }
  });
});
