const DAY_MS = 86_400_000;

/**
 * Which day of the campaign an instant falls on, counting the start's UTC date as day 1 (the way
 * the simulation's outcomes say "registered on day 3"); null when either instant is unreadable.
 */
export function campaignDayNumber(at: string, startedAt: string): number | null {
  const day = Math.floor(Date.parse(at) / DAY_MS);
  const start = Math.floor(Date.parse(startedAt) / DAY_MS);
  if (Number.isNaN(day) || Number.isNaN(start)) return null;
  return day - start + 1;
}
