import type { DemoDay } from "./demo-report-data.js";

/** Registered people as a share (0..1) of the day's members; 0 for a day without members, never NaN. */
export function registeredShare(day: Pick<DemoDay, "members" | "registered">): number {
  if (!(day.members > 0)) return 0;
  return Math.min(1, Math.max(0, day.registered / day.members));
}

/** A share as the status report prints it: "64.0 %". */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
