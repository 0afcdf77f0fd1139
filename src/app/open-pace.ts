import type { Logger } from "pino";
import type { Store } from "../store/open-store.js";
import { SharedWindow } from "../store/shared-window.js";
import type { Clock } from "../time/clock.js";
import { SlidingWindow, type RequestPace } from "../time/sliding-window.js";

/**
 * One budget's pace: in memory on SQLite (one instance), in the database on PostgreSQL, where every
 * instance on the database takes from the same window. `staleMs` is how long an unfinished slot
 * counts before it is taken for one whose instance died: longer than any request may take.
 */
export function openPace(
  store: Store,
  lane: string,
  rule: { limit: number; windowMs: number; staleMs: number },
  clock: Clock,
  log: Logger,
): RequestPace {
  return store.dialect === "postgres"
    ? new SharedWindow(store, lane, rule, clock, log)
    : new SlidingWindow(rule.limit, rule.windowMs, clock);
}
