import type { Clock } from "../../src/time/clock.js";

/**
 * A clock that moves only when a test advances it. Sleepers wake in order of their wake time as
 * `advance` passes it, with the microtasks they start run before time moves on; every sleep asked
 * for is recorded. For code that must wait without a test driving it, see `autoClock`.
 */
export class ManualClock implements Clock {
  /** Every `sleep(ms)` asked for, in order. */
  readonly sleeps: number[] = [];
  private current: number;
  private sleepers: { wake: number; resolve: () => void }[] = [];

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve) => this.sleepers.push({ wake: this.current + Math.max(0, ms), resolve }));
  }

  /** Moves time forward by `ms`, waking each sleeper at its own wake time. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await settle();
    for (;;) {
      const due = this.sleepers.filter((s) => s.wake <= target).sort((a, b) => a.wake - b.wake)[0];
      if (!due) break;
      this.sleepers = this.sleepers.filter((s) => s !== due);
      this.current = Math.max(this.current, due.wake);
      due.resolve();
      await settle();
    }
    this.current = target;
    await settle();
  }

  /** Sets the time, backwards too (a system clock stepped back by NTP), without waking anyone. */
  set(at: number): void {
    this.current = at;
  }
}

/** A clock whose sleeps return at once, having moved time forward by what was asked. */
export function autoClock(start: number): Clock & { readonly sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}

/** Lets every pending promise callback run (setImmediate comes after the microtask queue). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
