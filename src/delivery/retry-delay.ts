/** Answers from the Bot Connector worth trying again: Teams documents these as transient. */
const transient = new Set([412, 429, 502, 503, 504]);

export function isTransient(status: number): boolean {
  return transient.has(status) || status === 0 || status >= 500;
}

/**
 * How long to wait before the next try: the server's Retry-After when it gave one, else an
 * exponential backoff with full jitter (so many senders refused at once do not return at once).
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(60_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
