import { checkResult, type CheckResult } from "./check-result.js";
import type { DoctorFacts } from "./doctor-facts.js";
import { policyUnreadable } from "./policy-unreadable.js";

const CHECK = "enforcement.securityDefaults";

/** Security defaults: on means everyone must register Authenticator within 14 days of their next sign-in, with no exceptions. */
export function checkSecurityDefaults(facts: DoctorFacts): CheckResult {
  const defaults = facts.enforcement.securityDefaults;
  if (!defaults.ok) return policyUnreadable(CHECK, defaults.failure);
  return defaults.value
    ? checkResult(
        CHECK,
        "ok",
        "On: everyone must register the Microsoft Authenticator app within 14 days of their next sign-in, with no exceptions.",
      )
    : checkResult(CHECK, "ok", "Off: MFA is up to Conditional Access (next check).");
}
