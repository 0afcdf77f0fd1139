import type { SyncSummary } from "../directory/sync-directory.js";
import { formatCount, formatElapsed } from "../reports/format-numbers.js";

/** The line `sync` prints: what was read, how (in full or only the changes), and how long it took. */
export function describeSync(summary: SyncSummary): string {
  const skipped = summary.skipped > 0 ? `, ${summary.skipped} unusable rows skipped` : "";
  const pages = `${summary.report_pages} report pages, ${summary.user_pages} directory pages${skipped}`;
  if (summary.reportRead === "full" && summary.directoryRead === "full") {
    return (
      `Synced ${formatCount(summary.users)} users and ${formatCount(summary.registrations)} registration rows ` +
      `in ${formatElapsed(summary.elapsedMs)} (${pages}).`
    );
  }
  const directory =
    summary.directoryRead === "delta" ? `${formatCount(summary.users)} directory changes` : `${formatCount(summary.users)} users`;
  const report =
    summary.reportRead === "filtered"
      ? `${formatCount(summary.registrations)} not-registered rows, ${formatCount(summary.newlyRegistered)} newly registered`
      : `${formatCount(summary.registrations)} registration rows`;
  return `Synced ${directory} and ${report} in ${formatElapsed(summary.elapsedMs)} (${pages}).`;
}
