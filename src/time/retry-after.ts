/** Retry-After is seconds or an HTTP date; without one, wait a second rather than hammer. */
export function retryAfterToMs(header: string | null, now: number): number {
  if (header === null || header.trim() === "") return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : 1000;
}
