import type { Clock } from "./clock.js";

/** What every pace offers its callers: a slot per request, and a pause for everyone after a 429. */
export interface RequestPace {
  /** Waits for a slot. Call the returned function when the request has completed. */
  acquire(onWait?: (ms: number) => void): Promise<() => void>;
  /** Holds every caller until `at` (ms on the clock); a later pause extends an earlier one. */
  pauseUntil(at: number): void;
}

/**
 * At most `limit` requests in any `windowMs`, counted from when each request *finished*. Stamping
 * on completion rather than on sending is deliberately conservative: the server saw the request
 * arrive no later than we saw its answer, so our window never runs ahead of the server's.
 *
 * `pauseUntil` lets a throttling answer (429 + Retry-After) hold every user of the window, not
 * just the request that was refused.
 */
export class SlidingWindow implements RequestPace {
  private readonly stamps: number[] = [];
  private inFlight = 0;
  private resumeAt = 0;
  private releaseWaiters: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Waits for a slot. Call the returned function when the request has completed. */
  async acquire(onWait?: (ms: number) => void): Promise<() => void> {
    for (;;) {
      const now = this.clock.now();
      while (this.stamps.length > 0 && (this.stamps[0] as number) <= now - this.windowMs) this.stamps.shift();
      if (this.resumeAt > now) {
        onWait?.(this.resumeAt - now);
        await this.clock.sleep(this.resumeAt - now);
        continue;
      }
      if (this.stamps.length + this.inFlight < this.limit) {
        this.inFlight += 1;
        return () => this.release();
      }
      if (this.stamps.length === 0) {
        // Every slot is taken by a request still in flight: wait for one to finish.
        await new Promise<void>((resolve) => this.releaseWaiters.push(resolve));
        continue;
      }
      const wait = (this.stamps[0] as number) + this.windowMs - now;
      onWait?.(wait);
      await this.clock.sleep(wait);
    }
  }

  /** Holds every caller until `at` (ms on the clock); a later pause extends an earlier one. */
  pauseUntil(at: number): void {
    this.resumeAt = Math.max(this.resumeAt, at);
  }

  private release(): void {
    this.inFlight -= 1;
    const at = this.clock.now();
    let i = this.stamps.length;
    while (i > 0 && (this.stamps[i - 1] as number) > at) i -= 1;
    this.stamps.splice(i, 0, at);
    const waiters = this.releaseWaiters;
    this.releaseWaiters = [];
    for (const wake of waiters) wake();
  }
}
