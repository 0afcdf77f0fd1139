import { checkResult, type CheckResult } from "./check-result.js";
import type { DoctorFacts } from "./doctor-facts.js";

const CHECK = "access.licence";

/**
 * Entra ID P1 or P2, which the registration report needs: told by the report's own answer (its 403
 * Authentication_RequestFromNonPremiumTenantOrB2CTenant), so no licence-reading permission is needed.
 */
export function checkLicence(facts: DoctorFacts): CheckResult {
  const report = facts.permissions.find((p) => p.permission === "AuditLog.Read.All");
  if (report === undefined) return checkResult(CHECK, "skipped", "Not checked: the registration report was not asked.");
  if (report.outcome.ok) return checkResult(CHECK, "ok", "The registration report answered, so the tenant has Entra ID P1 or P2.");
  const { kind, message } = report.outcome.failure;
  if (kind === "noLicence") {
    return checkResult(
      CHECK,
      "fail",
      `The tenant has no Entra ID P1 or P2: ${message}`,
      "Assign at least one Entra ID P1 or P2 licence (part of Microsoft 365 E3/E5 and Business Premium); the report needs it.",
    );
  }
  return checkResult(CHECK, "skipped", "Not known: the registration report could not be read (see access.permission.AuditLog.Read.All).");
}
