import type { Person } from "./person.js";
import type { CampaignPolicy } from "./policy.js";

/** Why an account is kept out: named in the file (break-glass), disabled, a guest, or in an excluded group. */
export type ExclusionCause = "named" | "disabled" | "guest" | "group";

export interface Exclusion {
  readonly cause: ExclusionCause;
  /** The same, for people reading a preview or `/mfa user`. */
  readonly reason: string;
}

/**
 * Why a person is kept out of the campaign entirely, or undefined. Break-glass accounts are
 * listed by UPN, service accounts usually by group; guests and disabled accounts by flag.
 */
export function findExclusion(person: Person, policy: CampaignPolicy): Exclusion | undefined {
  const { exclude } = policy;
  if (exclude.users.includes(person.userPrincipalName.toLowerCase()) || exclude.users.includes(person.id.toLowerCase())) {
    return { cause: "named", reason: "excluded by name (exclude.users)" };
  }
  if (exclude.disabled && !person.accountEnabled) return { cause: "disabled", reason: "account disabled" };
  if (exclude.guests && person.userType?.toLowerCase() === "guest") return { cause: "guest", reason: "guest account" };
  const group = exclude.groups.find((g) => person.groupIds.has(g));
  if (group) return { cause: "group", reason: `member of excluded group ${group}` };
  return undefined;
}
