import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { requestUrl } from "./middleware-chain.js";
import { retryAfterToMs } from "../../time/retry-after.js";
import type { Clock } from "../../time/clock.js";
import { SlidingWindow, type RequestPace } from "../../time/sliding-window.js";

export interface PaceEvents {
  /** A request is held for `ms` to stay inside Graph's published limit, or after a 429. */
  onWait?(lane: string, ms: number): void;
  onThrottled?(lane: string, retryAfterMs: number): void;
}

/**
 * Paces requests per Graph resource family. The identity reports allow 5 requests per 10 s per app
 * per tenant, so that lane is paced before Graph has to refuse us; every lane honours a 429's
 * Retry-After for all of its requests, not just the one refused. Sits below the SDK's RetryHandler
 * so that retries are paced too.
 */
export class PaceHandler implements Middleware {
  private next: Middleware | undefined;
  private readonly lanes = new Map<string, RequestPace>();

  constructor(
    private readonly clock: Clock,
    private readonly reportsPace: { limit: number; windowMs: number },
    private readonly events: PaceEvents = {},
    reportsWindow?: RequestPace,
  ) {
    // The reports lane may be shared: by every Graph client of the process, by every instance (PostgreSQL).
    if (reportsWindow) this.lanes.set("reports", reportsWindow);
  }

  async execute(context: Context): Promise<void> {
    const url = new URL(requestUrl(context));
    const lane = laneOf(url.pathname);
    const window = this.windowFor(lane);
    const release = await window.acquire((ms) => this.events.onWait?.(lane, ms));
    try {
      await this.next?.execute(context);
    } finally {
      release();
    }
    const response = context.response;
    if (response && (response.status === 429 || response.status === 503)) {
      const retryAfterMs = retryAfterToMs(response.headers.get("Retry-After"), this.clock.now());
      window.pauseUntil(this.clock.now() + retryAfterMs);
      this.events.onThrottled?.(lane, retryAfterMs);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }

  private windowFor(lane: string): RequestPace {
    let window = this.lanes.get(lane);
    if (!window) {
      const { limit, windowMs } = lane === "reports" ? this.reportsPace : { limit: Number.MAX_SAFE_INTEGER, windowMs: 1 };
      window = new SlidingWindow(limit, windowMs, this.clock);
      this.lanes.set(lane, window);
    }
    return window;
  }
}

/*
 * Graph's "identity and access reports" limit (5 requests per 10 s per app per tenant) covers
 * authenticationMethod and the audit logs (sign-ins) as well as the reports
 * (learn.microsoft.com/graph/throttling-limits), so the live check of "I've done it" and the sign-in
 * log wait in the same lane as the sync's report pages.
 */
function laneOf(pathname: string): string {
  return /\/v1\.0\/(reports|auditLogs)\/|\/v1\.0\/users\/[^/]+\/authentication\/methods/.test(pathname) ? "reports" : "directory";
}
