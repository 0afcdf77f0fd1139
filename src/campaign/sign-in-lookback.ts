/**
 * How far back a sign-in Entra ID interrupted still counts: the admins' figure ("stopped at sign-in
 * in the last 7 days"), the help card and the first read of the log all look this far.
 */
export const SIGN_IN_LOOKBACK_DAYS = 7;

const dayMs = 86_400_000;

/** The start of the lookback window ending at `now`. */
export function signInLookbackStart(now: number): number {
  return now - SIGN_IN_LOOKBACK_DAYS * dayMs;
}

/** The interrupts inside the window, newest first (they are kept that way). */
export function recentInterrupts<T extends { readonly at: number }>(interrupts: readonly T[], now: number): T[] {
  const since = signInLookbackStart(now);
  return interrupts.filter((s) => s.at >= since && s.at <= now);
}
