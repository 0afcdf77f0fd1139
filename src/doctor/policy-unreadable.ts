import { checkResult, type CheckResult } from "./check-result.js";
import type { ProbeFailure } from "./probe.js";

/** The answer of an enforcement check whose policy could not be read: Policy.Read.All is optional, so "skipped", not a failure. */
export function policyUnreadable(check: string, failure: ProbeFailure, permission = "Policy.Read.All"): CheckResult {
  if (failure.kind === "denied") {
    return checkResult(
      check,
      "skipped",
      `Skipped: grant ${permission} to check.`,
      `Grant ${permission} (optional) to check how MFA is enforced.`,
    );
  }
  if (failure.kind === "notRun") return checkResult(check, "skipped", `Skipped: ${failure.message}`);
  return checkResult(check, "warn", `Could not read it: ${failure.message}`, failure.hint ?? "Run doctor again.");
}
