import type { Person } from "./person.js";
import type { MemberRule, Phase } from "./policy.js";

/** The first phase whose members include the person: waves are listed in the order they run. */
export function findPhase(person: Person, phases: readonly Phase[]): Phase | undefined {
  return phases.find((phase) => matchesRule(person, phase.members));
}

export function matchesRule(person: Person, rule: MemberRule): boolean {
  if (rule.all) return true;
  if (rule.admins && person.isAdmin) return true;
  if (rule.groups.some((g) => person.groupIds.has(g))) return true;
  const department = person.department?.trim().toLowerCase();
  if (department && rule.departments.some((d) => d.trim().toLowerCase() === department)) return true;
  return rule.users.includes(person.userPrincipalName.toLowerCase()) || rule.users.includes(person.id.toLowerCase());
}
