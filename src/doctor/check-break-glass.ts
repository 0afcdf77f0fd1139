import { checkResult, type CheckResult } from "./check-result.js";
import { blocksSignIn, describePolicy, isLive, reachOf, requiresMfa } from "./conditional-access-rules.js";
import type { DoctorFacts } from "./doctor-facts.js";
import { policyUnreadable } from "./policy-unreadable.js";

const CHECK = "enforcement.breakGlass";

/**
 * Every account the campaign leaves alone by name (exclude.users: the break-glass accounts) must also
 * be left out of every enabled or report-only policy that requires MFA or blocks sign-in, or an MFA
 * outage (or a report-only policy switched on) locks the emergency accounts out too.
 */
export function checkBreakGlass(facts: DoctorFacts): CheckResult {
  const { policies, securityDefaults, breakGlass } = facts.enforcement;
  if (!policies.ok) return policyUnreadable(CHECK, policies.failure);
  if (breakGlass.length === 0) {
    return checkResult(
      CHECK,
      "warn",
      "The campaign names no break-glass accounts (exclude.users).",
      "Name your emergency-access accounts in the campaign file's exclude.users.",
    );
  }
  if (securityDefaults.ok && securityDefaults.value) {
    return checkResult(
      CHECK,
      "warn",
      "Security defaults are on, and they cannot exclude anyone: the break-glass accounts get MFA prompts too.",
      "To keep emergency accounts out of MFA, use Conditional Access (Entra ID P1) instead of security defaults.",
    );
  }
  const relevant = policies.value.filter((p) => isLive(p) && (requiresMfa(p) || blocksSignIn(p)));
  const known = breakGlass.filter((a) => a.id !== undefined);
  const gaps: string[] = [];
  const unsure: string[] = [];
  for (const account of known) {
    const groups = account.groupIds.ok ? account.groupIds.value : [];
    if (!account.groupIds.ok) unsure.push(account.userPrincipalName);
    for (const policy of relevant) {
      const reach = reachOf(policy, account.id ?? "", groups);
      if (reach.included && !reach.excluded) gaps.push(`${account.userPrincipalName} is not excluded from ${describePolicy(policy)}`);
    }
  }
  if (gaps.length > 0) {
    return checkResult(
      CHECK,
      "fail",
      `${gaps.join("; ")}.`,
      "Exclude each named account (or a group holding it) under the policy's Users > Exclude in the Entra admin center.",
    );
  }
  const unknownAccounts = breakGlass.filter((a) => a.id === undefined).map((a) => a.userPrincipalName);
  const caveats = [
    ...(unknownAccounts.length > 0 ? [`not found in the directory: ${unknownAccounts.join(", ")}`] : []),
    ...(unsure.length > 0 ? [`group memberships unread for ${unsure.join(", ")}`] : []),
  ];
  const checked =
    `${known.length} of ${breakGlass.length} break-glass accounts checked against ${relevant.length} policies ` +
    `requiring MFA or blocking sign-in`;
  if (caveats.length > 0)
    return checkResult(CHECK, "warn", `${checked}: none is missing an exclusion, but ${caveats.join("; ")}.`, "See campaign.users.");
  return checkResult(CHECK, "ok", `${checked}: every one is excluded from each.`);
}
