import type { EnforcementFacts } from "./doctor-facts.js";
import { isLive, REPORT_ONLY, requiresMfa } from "./conditional-access-rules.js";

/**
 * How MFA is enforced, in one word, for the `/mfa status` line: kept from the last doctor run so the
 * status never waits for Graph. `policies` names the policies the state rests on.
 */
export interface EnforcementSummary {
  readonly state: "securityDefaults" | "conditionalAccess" | "partial" | "reportOnly" | "none" | "unknown";
  readonly policies: readonly string[];
  /** ISO instant of the doctor run that found it. */
  readonly checkedAt: string;
}

/** Security defaults, or an enabled policy requiring MFA of all users, enforce it for everyone; anything less is partial. */
export function summarizeEnforcement(facts: EnforcementFacts, checkedAt: string): EnforcementSummary {
  const { securityDefaults, policies } = facts;
  if (!securityDefaults.ok || !policies.ok) return { state: "unknown", policies: [], checkedAt };
  if (securityDefaults.value) return { state: "securityDefaults", policies: [], checkedAt };
  const mfa = policies.value.filter((p) => requiresMfa(p) && isLive(p));
  const enabled = mfa.filter((p) => p.state === "enabled");
  const names = (list: typeof mfa) => list.map((p) => p.displayName);
  const forEveryone = enabled.filter((p) => p.users.includeUsers.some((u) => u.toLowerCase() === "all"));
  if (forEveryone.length > 0) return { state: "conditionalAccess", policies: names(forEveryone), checkedAt };
  if (enabled.length > 0) return { state: "partial", policies: names(enabled), checkedAt };
  const reportOnly = mfa.filter((p) => p.state === REPORT_ONLY);
  if (reportOnly.length > 0) return { state: "reportOnly", policies: names(reportOnly), checkedAt };
  return { state: "none", policies: [], checkedAt };
}
