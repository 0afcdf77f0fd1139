import type { Person } from "./person.js";
import type { CampaignPolicy } from "./policy.js";

/**
 * Why a person is kept out of the campaign entirely, or undefined. Break-glass accounts are
 * listed by UPN, service accounts usually by group; guests and disabled accounts by flag.
 */
export function findExclusion(person: Person, policy: CampaignPolicy): string | undefined {
  const { exclude } = policy;
  if (exclude.users.includes(person.userPrincipalName.toLowerCase()) || exclude.users.includes(person.id.toLowerCase())) {
    return "excluded by name (exclude.users)";
  }
  if (exclude.disabled && !person.accountEnabled) return "account disabled";
  if (exclude.guests && person.userType?.toLowerCase() === "guest") return "guest account";
  const group = exclude.groups.find((g) => person.groupIds.has(g));
  if (group) return `member of excluded group ${group}`;
  return undefined;
}
