import type { Clock } from "../../time/clock.js";

/**
 * Simulated time for the demo: it moves only when told to, or when something sleeps on it (then
 * at once, to the sleeper's wake time). Weeks of a campaign play in seconds, and every pacing rule
 * (Graph's report limit, Teams' 50 per second) is still obeyed in simulated time.
 */
export class SimClock implements Clock {
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    const wake = this.current + Math.max(0, ms);
    // setImmediate lets every other task run first, as time passing would.
    return new Promise((resolve) =>
      setImmediate(() => {
        this.current = Math.max(this.current, wake);
        resolve();
      }),
    );
  }

  /** Moves time forward to `at` (never back: a sleeper may have pushed it further already). */
  advanceTo(at: number): void {
    this.current = Math.max(this.current, at);
  }
}
