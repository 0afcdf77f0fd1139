import type { ConditionalAccessPolicy } from "../graph/policies.js";
import { checkResult, type CheckResult } from "./check-result.js";
import { describePolicy, REPORT_ONLY, requiresMfa } from "./conditional-access-rules.js";
import type { DoctorFacts } from "./doctor-facts.js";
import { policyUnreadable } from "./policy-unreadable.js";

const CHECK = "enforcement.conditionalAccess";

/** The Conditional Access policies that require MFA (built-in "mfa" or an authentication strength), each with its state. */
export function checkConditionalAccess(facts: DoctorFacts): CheckResult {
  const { policies, securityDefaults } = facts.enforcement;
  if (!policies.ok) return policyUnreadable(CHECK, policies.failure);
  const mfa = policies.value.filter(requiresMfa);
  const inState = (state: string) => mfa.filter((p: ConditionalAccessPolicy) => p.state === state);
  const listed = `Policies requiring MFA: ${mfa.map(describePolicy).join(", ")}.`;
  if (mfa.length === 0) {
    return securityDefaults.ok && securityDefaults.value
      ? checkResult(CHECK, "ok", "No policy requires MFA; security defaults do instead.")
      : checkResult(
          CHECK,
          "warn",
          "No Conditional Access policy requires MFA.",
          "Create one requiring MFA in report-only, review its sign-in results for a week, then switch it on.",
        );
  }
  if (inState("enabled").length > 0) return checkResult(CHECK, "ok", listed);
  if (inState(REPORT_ONLY).length > 0) {
    return checkResult(
      CHECK,
      "warn",
      `${listed} Report-only policies log what they would do and enforce nothing.`,
      "Once its sign-in results look right, switch the policy to On.",
    );
  }
  return checkResult(CHECK, "warn", `${listed} None is switched on.`, "Switch the policy to report-only, then On.");
}
