import { checkResult, type CheckResult } from "./check-result.js";
import type { DoctorFacts } from "./doctor-facts.js";
import { summarizeEnforcement } from "./enforcement-summary.js";
import { policyUnreadable } from "./policy-unreadable.js";

const CHECK = "enforcement.coverage";
const MEANINGLESS = "so the deadline on the cards means nothing yet";
const SWITCH_ON =
  "Before the first deadline, switch on a Conditional Access policy requiring MFA of everyone reminded (or security defaults).";

/** Is MFA actually enforced for the people being reminded? If not, the deadline on their cards is an empty threat. */
export function checkEnforcementCoverage(facts: DoctorFacts): CheckResult {
  const { securityDefaults, policies } = facts.enforcement;
  if (!securityDefaults.ok) return policyUnreadable(CHECK, securityDefaults.failure);
  if (!policies.ok) return policyUnreadable(CHECK, policies.failure);
  const summary = summarizeEnforcement(facts.enforcement, "");
  const named = summary.policies.map((name) => `"${name}"`).join(", ");
  switch (summary.state) {
    case "securityDefaults":
      return checkResult(CHECK, "ok", "Security defaults enforce MFA for everyone.");
    case "conditionalAccess":
      return checkResult(CHECK, "ok", `${named} requires MFA of all users.`);
    case "partial":
      return checkResult(
        CHECK,
        "warn",
        `Only some people must use MFA: the enabled policies requiring it (${named}) target groups, accounts or roles, not all users.`,
        SWITCH_ON,
      );
    case "reportOnly":
      return checkResult(
        CHECK,
        "warn",
        `Nothing enforces MFA yet: the policies requiring it (${named}) are report-only, ${MEANINGLESS}.`,
        SWITCH_ON,
      );
    default:
      return checkResult(CHECK, "warn", `Nothing enforces MFA for the people being reminded, ${MEANINGLESS}.`, SWITCH_ON);
  }
}
