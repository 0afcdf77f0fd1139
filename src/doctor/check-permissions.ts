import { checkResult, type CheckResult } from "./check-result.js";
import type { DoctorFacts, PermissionFact } from "./doctor-facts.js";

/** One line per Graph permission, each judged by the probe that needs it. */
export function checkPermissions(facts: DoctorFacts): CheckResult[] {
  return facts.permissions.map(checkPermission);
}

function checkPermission(fact: PermissionFact): CheckResult {
  const check = `access.permission.${fact.permission}`;
  const grant =
    `Grant the application permission ${fact.permission} (Entra admin center > App registrations > the app > ` +
    'API permissions), then press "Grant admin consent".';
  if (fact.outcome.ok) return checkResult(check, "ok", `Granted: ${fact.request} answered.`);
  const { kind, message } = fact.outcome.failure;
  if (kind === "denied") {
    return fact.optional
      ? checkResult(check, "skipped", `Not granted (optional): ${message}. The enforcement checks below are skipped.`, grant)
      : checkResult(check, "fail", `Not granted: ${message}`, grant);
  }
  if (kind === "noLicence") {
    return checkResult(check, "skipped", "Not known: the report refused for want of an Entra ID P1/P2 licence (see access.licence).");
  }
  if (kind === "notRun") return checkResult(check, "skipped", `Not checked: ${message}`);
  return checkResult(check, "warn", `Could not tell: ${fact.request} failed: ${message}`, fact.outcome.failure.hint ?? "Run doctor again.");
}
