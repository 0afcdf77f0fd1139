import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settleWithin } from "../../src/time/settle-within.js";

describe("waiting for work at most so long", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("answers with the value of work done in time, and leaves no timer behind", async () => {
    const result = settleWithin(Promise.resolve("done"), 500);
    await vi.advanceTimersByTimeAsync(0);
    expect(await result).toEqual({ done: true, value: "done" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("throws the error of work that failed in time, and leaves no timer behind", async () => {
    const result = settleWithin(Promise.reject(new Error("broken")), 500);
    await expect(result).rejects.toThrow("broken");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("answers not done once the time is up, with the work still running", async () => {
    let settled: unknown;
    void settleWithin(new Promise<string>(() => undefined), 500).then((r) => (settled = r));
    await vi.advanceTimersByTimeAsync(499);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toStrictEqual({ done: false });
  });
});
