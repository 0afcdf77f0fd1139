import { describe, expect, it } from "vitest";
import { SlidingWindow } from "../../src/time/sliding-window.js";
import { ManualClock, settle } from "../support/manual-clock.js";

const t0 = Date.UTC(2026, 10, 23, 10, 0, 0);

/** Starts an acquire and tells whether it has got its slot yet. */
function track(window: SlidingWindow, onWait?: (ms: number) => void) {
  const state = { done: false, release: undefined as (() => void) | undefined };
  void window.acquire(onWait).then((release) => {
    state.done = true;
    state.release = release;
  });
  return state;
}

describe("the sliding window", () => {
  it("lets 50 requests through at once and holds the 51st until a second after the first ones finished", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(50, 1000, clock);
    const releases = await Promise.all(Array.from({ length: 50 }, () => window.acquire()));
    for (const release of releases) release();
    const waits: number[] = [];
    const next = track(window, (ms) => waits.push(ms));
    await settle();
    expect(next.done).toBe(false);
    expect(waits).toEqual([1000]);
    expect(clock.sleeps).toEqual([1000]);
    await clock.advance(999);
    expect(next.done).toBe(false);
    await clock.advance(1);
    expect(next.done).toBe(true);
    expect(clock.now()).toBe(t0 + 1000);
  });

  it("does not make a request wait, or report a wait, while a slot is free", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(2, 1000, clock);
    const waits: number[] = [];
    (await window.acquire((ms) => waits.push(ms)))();
    await window.acquire((ms) => waits.push(ms));
    expect(waits).toEqual([]);
    expect(clock.sleeps).toEqual([]);
  });

  it("counts a request from when it finished, not from when it started", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(1, 1000, clock);
    const release = await window.acquire();
    await clock.advance(300);
    release();
    const next = track(window);
    await settle();
    expect(clock.sleeps).toEqual([1000]);
    await clock.advance(999);
    expect(next.done).toBe(false);
    await clock.advance(1);
    expect(next.done).toBe(true);
    expect(clock.now()).toBe(t0 + 1300);
  });

  it("forgets a request exactly one window after it finished", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(1, 1000, clock);
    (await window.acquire())();
    await clock.advance(1000);
    await window.acquire();
    expect(clock.sleeps).toEqual([]);
  });

  it("waits for a request in flight when every slot is held by one, then a full window from when it finished", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(1, 1000, clock);
    const release = await window.acquire();
    const next = track(window);
    await clock.advance(5000);
    expect(next.done).toBe(false);
    expect(clock.sleeps).toEqual([]);
    release();
    await settle();
    expect(clock.sleeps).toEqual([1000]);
    await clock.advance(1000);
    expect(next.done).toBe(true);
    expect(clock.now()).toBe(t0 + 6000);
  });

  it("wakes every caller waiting for a request in flight when one finishes", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(2, 1000, clock);
    const first = await window.acquire();
    await window.acquire();
    track(window);
    track(window);
    await settle();
    expect(clock.sleeps).toEqual([]);
    first();
    await settle();
    // Both woke, found the window full (one stamp, one in flight) and now sleep out the stamp.
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it("holds every caller, not just one, until a pause ends", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(50, 1000, clock);
    window.pauseUntil(t0 + 2000);
    const waits: number[] = [];
    const a = track(window, (ms) => waits.push(ms));
    const b = track(window, (ms) => waits.push(ms));
    await settle();
    expect(waits).toEqual([2000, 2000]);
    await clock.advance(1999);
    expect([a.done, b.done]).toEqual([false, false]);
    await clock.advance(1);
    expect([a.done, b.done]).toEqual([true, true]);
  });

  it("lets a later pause extend an earlier one, and never lets an earlier one shorten it", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(50, 1000, clock);
    window.pauseUntil(t0 + 3000);
    window.pauseUntil(t0 + 1000);
    const caller = track(window);
    await settle();
    expect(clock.sleeps).toEqual([3000]);
    window.pauseUntil(t0 + 5000);
    await clock.advance(3000);
    expect(caller.done).toBe(false);
    expect(clock.sleeps).toEqual([3000, 2000]);
    await clock.advance(2000);
    expect(caller.done).toBe(true);
  });

  it("lets requests through at once when the pause has already ended", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(50, 1000, clock);
    window.pauseUntil(t0);
    await window.acquire();
    expect(clock.sleeps).toEqual([]);
  });

  it("frees the slot of the request that finished first, first", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(2, 1000, clock);
    const first = await window.acquire();
    const second = await window.acquire();
    first(); // t0
    await clock.advance(300);
    second(); // t0 + 300
    const next = track(window);
    await settle();
    // The slot of the request finished at t0 frees at t0 + 1000: 700 ms from now.
    expect(clock.sleeps).toEqual([700]);
    await clock.advance(700);
    expect(next.done).toBe(true);
  });

  it("keeps its count right when the system clock steps back", async () => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(2, 1000, clock);
    const first = await window.acquire();
    const second = await window.acquire();
    first(); // finished at t0
    clock.set(t0 - 500);
    second(); // finished at t0 - 500 by the clock: the older of the two
    const next = track(window);
    await settle();
    // The oldest stamp (t0 - 500) leaves the window first, a second after it.
    expect(clock.sleeps).toEqual([1000]);
    await clock.advance(1000);
    expect(next.done).toBe(true);
  });
});
