import type { Logger } from "pino";

export interface RefusalTally {
  count(status: number): void;
  stop(): void;
}

/**
 * Refused requests, summed by status and logged once a minute: each refusal is only a debug line,
 * so a flood of bad requests cannot flood the log, while the operator still sees that it happened.
 */
export function createRefusalTally(log: Logger, everyMs = 60_000): RefusalTally {
  let counts: Record<string, number> = {};
  const flush = () => {
    if (Object.keys(counts).length === 0) return;
    log.warn({ byStatus: counts }, "requests refused in the last minute");
    counts = {};
  };
  const timer = setInterval(flush, everyMs);
  timer.unref();
  return {
    count: (status) => {
      counts[status] = (counts[status] ?? 0) + 1;
    },
    stop: () => {
      clearInterval(timer);
      flush();
    },
  };
}
