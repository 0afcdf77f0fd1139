export interface LiveCheckCacheOptions<T> {
  /** Milliseconds since the epoch: the bot's clock. */
  readonly now: () => number;
  /** Whether what was found is enough: such a result is kept long, since a registration is not undone in minutes. */
  readonly isEnough: (result: T) => boolean;
  /** How long a result that is enough is kept; default five minutes. */
  readonly enoughForMs?: number;
  /**
   * How long a result that is not enough is kept; default 30 seconds. The card says "If you've only
   * just finished, wait a minute and press I've done it again", so a minute later the check is live.
   */
  readonly notEnoughForMs?: number;
}

/**
 * "I've done it" checks a person live (Graph's /authentication/methods), and a person can press it
 * a hundred times. This keeps each person's last result for a while and shares a check in flight,
 * so Graph sees at most one request per person per 30 seconds; a failed check is not kept.
 */
export function cacheLiveChecks<T>(
  check: (userId: string) => Promise<T>,
  options: LiveCheckCacheOptions<T>,
): (userId: string) => Promise<T> {
  const enoughForMs = options.enoughForMs ?? 5 * 60_000;
  const notEnoughForMs = options.notEnoughForMs ?? 30_000;
  const results = new Map<string, { methods: Promise<T>; until: number }>();

  const forget = (now: number) => {
    for (const [userId, entry] of results) if (entry.until <= now) results.delete(userId);
  };

  return (userId) => {
    const now = options.now();
    const cached = results.get(userId);
    if (cached && cached.until > now) return cached.methods;
    forget(now);
    const methods = check(userId).then(
      (found) => {
        const entry = results.get(userId);
        if (entry?.methods === methods) entry.until = options.now() + (options.isEnough(found) ? enoughForMs : notEnoughForMs);
        return found;
      },
      (error: unknown) => {
        if (results.get(userId)?.methods === methods) results.delete(userId);
        throw error;
      },
    );
    // In flight: anyone pressing meanwhile waits for this check rather than starting another.
    results.set(userId, { methods, until: Number.POSITIVE_INFINITY });
    return methods;
  };
}
