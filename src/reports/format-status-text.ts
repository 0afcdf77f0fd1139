import { bar, formatCount } from "./format-numbers.js";
import type { StatusFigures } from "../store/status-figures.js";
import type { StatusSummary } from "./status-summary.js";

/**
 * The status for people at a terminal: the directory's headline, the campaign's own figures (the
 * ones /mfa status shows) when there is a campaign file, then departments furthest behind first.
 */
export function formatStatusText(f: StatusFigures, campaign?: StatusSummary, missingCampaignFile?: string): string {
  if (f.lastSync === null) return "No sync has completed yet. Run `mfa-nudge sync` (or `mfa-nudge demo` to try it).\n";
  const lines = [
    `MFA registration, as of the sync at ${f.lastSync.replace("T", " ").slice(0, 16)} UTC`,
    "",
    `  Registered       ${formatCount(f.registered)} of ${formatCount(f.members)} members ` +
      `(${f.percentRegistered.toFixed(1)} %)  ${bar(f.members ? f.registered / f.members : 0, 20)}`,
    `  Not registered   ${formatCount(f.notRegistered)}`,
    `  Admins           ${formatCount(f.admins)}, of whom ${formatCount(f.adminsNotRegistered)} not registered`,
    `  All accounts     ${formatCount(f.users)} (members plus guests and disabled accounts)`,
    "",
    ...campaignLines(campaign, missingCampaignFile),
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
        `  ${name.padEnd(width)}  ${formatCount(d.members).padStart(8)}  ${formatCount(d.registered).padStart(10)}  ` +
          `${(share * 100).toFixed(1).padStart(5)} %  ${bar(share, 16)}`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}

const causes = { named: "named in the file", group: "in an excluded group", guest: "guests", disabled: "disabled" } as const;

function campaignLines(c: StatusSummary | undefined, missingFile: string | undefined): string[] {
  if (!c) return missingFile ? [`The campaign's own figures need its file; there is none at ${missingFile} (CAMPAIGN_FILE).`, ""] : [];
  const excluded = (Object.keys(causes) as (keyof typeof causes)[])
    .filter((k) => c.excludedBy[k] > 0)
    .map((k) => `${formatCount(c.excludedBy[k])} ${causes[k]}`);
  return [
    `The campaign (requirement: ${c.requirement}), as /mfa status counts it`,
    "",
    `  Registered       ${formatCount(c.registered)} of ${formatCount(c.inScope)} in scope ` +
      `(${c.percentRegistered.toFixed(1)} %)  ${bar(c.inScope ? c.registered / c.inScope : 0, 20)}`,
    `  Not registered   ${formatCount(c.notRegistered)}`,
    `  Excluded         ${formatCount(c.excluded)}${excluded.length > 0 ? ` (${excluded.join(", ")})` : ""}`,
    `  In no phase      ${formatCount(c.notInPhase)}`,
    "",
  ];
}
