import { bar, formatCount } from "./format-numbers.js";
import type { StatusFigures } from "../store/status-figures.js";

/** The status for people at a terminal: headline, then departments furthest behind first, with bars. */
export function formatStatusText(f: StatusFigures): string {
  if (f.lastSync === null) return "No sync has completed yet. Run `mfa-nudge sync` (or `mfa-nudge demo` to try it).\n";
  const lines = [
    `MFA registration, as of the sync at ${f.lastSync.replace("T", " ").slice(0, 16)} UTC`,
    "",
    `  Registered       ${formatCount(f.registered)} of ${formatCount(f.members)} members (${f.percentRegistered.toFixed(1)} %)  ${bar(f.members ? f.registered / f.members : 0, 20)}`,
    `  Not registered   ${formatCount(f.notRegistered)}`,
    `  Admins           ${formatCount(f.admins)}, of whom ${formatCount(f.adminsNotRegistered)} not registered`,
    `  All accounts     ${formatCount(f.users)} (members plus guests and disabled accounts)`,
    "",
  ];
  const departments = Object.entries(f.byDepartment).sort(
    ([, a], [, b]) => a.registered / Math.max(1, a.members) - b.registered / Math.max(1, b.members),
  );
  if (departments.length > 0) {
    const width = Math.max(10, ...departments.map(([name]) => name.length));
    lines.push(`  ${"Department".padEnd(width)}  ${"Members".padStart(8)}  ${"Registered".padStart(10)}`);
    for (const [name, d] of departments) {
      const share = d.members ? d.registered / d.members : 0;
      lines.push(
        `  ${name.padEnd(width)}  ${formatCount(d.members).padStart(8)}  ${formatCount(d.registered).padStart(10)}  ${(share * 100).toFixed(1).padStart(5)} %  ${bar(share, 16)}`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}
