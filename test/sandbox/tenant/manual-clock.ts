import type { Clock } from "../../../src/time/clock.js";

/** A clock that moves only when told to (or when something sleeps on it). */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(startMs = Date.UTC(2025, 0, 6, 9, 0, 0)): ManualClock {
  let now = startMs;
  return {
    now: () => now,
    sleep: (ms) => {
      now += Math.max(0, ms);
      return Promise.resolve();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
