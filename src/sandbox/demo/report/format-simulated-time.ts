import { shortDate } from "./short-date.js";

/**
 * An ISO instant as "4 Mar 2025, 09:30 UTC". Simulated times are shown in UTC, not the viewer's
 * zone, so the page reads the same on every machine; an unreadable instant is shown as given.
 */
export function formatSimulatedTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const utc = new Date(time).toISOString();
  return `${shortDate(utc, true)}, ${utc.slice(11, 16)} UTC`;
}
