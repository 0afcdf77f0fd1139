import { checkResult, type CheckResult } from "./check-result.js";
import type { DirectoryLookup, DoctorFacts } from "./doctor-facts.js";

// A long list on one line helps nobody; the rest are counted.
const NAMES_SHOWN = 5;

/** Do the groups and accounts the campaign file and the admin settings name exist in the directory? */
export function checkCampaignDirectory(facts: DoctorFacts): CheckResult[] {
  return [
    judge(
      "campaign.groups",
      "group",
      facts.campaign.groups,
      "GroupMember.Read.All",
      "Use the group's Object ID (Entra admin center > Groups)",
    ),
    judge("campaign.users", "account", facts.campaign.users, "User.Read.All", "Correct the UPN or object id"),
  ];
}

function judge(check: string, noun: string, lookups: readonly DirectoryLookup[], permission: string, how: string): CheckResult {
  if (lookups.length === 0) return checkResult(check, "ok", `The configuration names no ${noun} to look up.`);
  const failed = lookups.filter((l) => !l.outcome.ok);
  const missing = failed.filter((l) => !l.outcome.ok && l.outcome.failure.kind === "notFound");
  if (missing.length > 0) {
    return checkResult(
      check,
      "fail",
      `Not in the directory: ${list(missing.map((l) => `${l.key} (${l.source})`))}.`,
      `${how} at ${list(missing.map((l) => l.source))}.`,
    );
  }
  const denied = failed.find((l) => !l.outcome.ok && l.outcome.failure.kind === "denied");
  if (denied) return checkResult(check, "skipped", `Not checked: reading them needs ${permission} (see access.permission.${permission}).`);
  if (failed.length > 0) {
    const first = failed[0]!.outcome;
    const reason = first.ok ? "" : first.failure.message;
    return checkResult(check, "warn", `Could not look up ${failed.length} of ${lookups.length}: ${reason}`, "Run doctor again.");
  }
  const names = lookups.map((l) => (l.outcome.ok ? l.outcome.value.name : l.key));
  return checkResult(check, "ok", `All ${lookups.length} found: ${list(names)}.`);
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, NAMES_SHOWN).join(", ");
  return items.length > NAMES_SHOWN ? `${shown} and ${items.length - NAMES_SHOWN} more` : shown;
}
