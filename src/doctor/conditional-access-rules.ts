import type { ConditionalAccessPolicy } from "../graph/policies.js";

// The Global Administrator role's template id (learn.microsoft.com, "Microsoft Entra built-in roles").
// Break-glass accounts are Global Administrators by Microsoft's own guidance, so a policy aimed at
// directory roles reaches them, and one that exclude this role leaves them out.
export const GLOBAL_ADMINISTRATOR_ROLE = "62e90394-69f5-4237-9190-012177145e10";

export const REPORT_ONLY = "enabledForReportingButNotEnforced";

export function requiresMfa(policy: ConditionalAccessPolicy): boolean {
  return policy.builtInControls.includes("mfa") || policy.authenticationStrength !== null;
}

export function blocksSignIn(policy: ConditionalAccessPolicy): boolean {
  return policy.builtInControls.includes("block");
}

/** Enabled, or report-only: report-only enforces nothing yet, but will once someone switches it on. */
export function isLive(policy: ConditionalAccessPolicy): boolean {
  return policy.state === "enabled" || policy.state === REPORT_ONLY;
}

/** "enabled", "report-only" or "disabled", as the Entra admin center words them. */
export function stateName(policy: ConditionalAccessPolicy): string {
  return policy.state === REPORT_ONLY ? "report-only" : policy.state;
}

/** Whether a policy reaches an account, and whether it leaves the account out. Without its groups, group rules cannot match. */
export function reachOf(
  policy: ConditionalAccessPolicy,
  accountId: string,
  groupIds: readonly string[],
): { included: boolean; excluded: boolean } {
  const id = accountId.toLowerCase();
  const groups = new Set(groupIds.map((g) => g.toLowerCase()));
  const has = (list: readonly string[], value: string) => list.some((v) => v.toLowerCase() === value);
  const { users } = policy;
  const included =
    has(users.includeUsers, "all") ||
    has(users.includeUsers, id) ||
    users.includeGroups.some((g) => groups.has(g.toLowerCase())) ||
    users.includeRoles.length > 0;
  const excluded =
    has(users.excludeUsers, id) ||
    users.excludeGroups.some((g) => groups.has(g.toLowerCase())) ||
    has(users.excludeRoles, GLOBAL_ADMINISTRATOR_ROLE);
  return { included, excluded };
}

/** A policy's name and state for a list: `"Require MFA" (report-only)`. */
export function describePolicy(policy: ConditionalAccessPolicy): string {
  return `"${policy.displayName}" (${stateName(policy)})`;
}
