import type { Clock } from "../../time/clock.js";

export interface ThrottleLimit {
  limit: number;
  windowMs: number;
}

/** Graph identity reports: 5 requests per 10 seconds per app per tenant (Microsoft Graph throttling limits). */
export const REPORTS_THROTTLE: ThrottleLimit = { limit: 5, windowMs: 10_000 };

/**
 * Counts the requests served within the last `windowMs`. A request that would be one too many is
 * refused with how long until the oldest served request leaves the window; refused requests are
 * not counted, so a client that honours Retry-After gets through.
 */
export class SlidingWindowThrottle {
  private served: number[] = [];

  constructor(
    private readonly limit: ThrottleLimit,
    private readonly clock: Clock,
  ) {}

  /** Records and admits the request (returns 0), or returns the milliseconds to wait. */
  admit(): number {
    const now = this.clock.now();
    const since = now - this.limit.windowMs;
    while (this.served.length > 0 && (this.served[0] as number) <= since) this.served.shift();
    if (this.served.length >= this.limit.limit) {
      return Math.max(1, (this.served[0] as number) + this.limit.windowMs - now);
    }
    this.served.push(now);
    return 0;
  }
}
