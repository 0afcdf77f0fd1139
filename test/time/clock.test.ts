import { describe, expect, it } from "vitest";
import { systemClock } from "../../src/time/clock.js";

describe("the system clock", () => {
  it("tells the time since the epoch", () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("sleeps for as long as it is asked", async () => {
    const start = performance.now();
    await systemClock.sleep(30);
    // Timers may fire a millisecond early by performance.now()'s finer clock.
    expect(performance.now() - start).toBeGreaterThanOrEqual(29);
  });

  it("takes a negative sleep as none", async () => {
    const start = performance.now();
    await systemClock.sleep(-1000);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
