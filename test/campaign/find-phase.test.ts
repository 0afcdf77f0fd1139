import { describe, expect, it } from "vitest";
import { findPhase, matchesRule } from "../../src/campaign/find-phase.js";
import type { Person } from "../../src/campaign/person.js";
import type { MemberRule, Phase } from "../../src/campaign/policy.js";
import { person, pilotGroup } from "./campaign-fixture.js";

const nobody: MemberRule = { all: false, admins: false, groups: [], departments: [], users: [] };
const rule = (over: Partial<MemberRule>): MemberRule => ({ ...nobody, ...over });

describe("who a phase takes in", () => {
  it.each<[string, MemberRule, Person, boolean]>([
    ["everyone, with all", rule({ all: true }), person({ groups: [] }), true],
    ["an admin, with admins", rule({ admins: true }), person({ isAdmin: true }), true],
    ["not someone who is not an admin, with admins", rule({ admins: true }), person({ isAdmin: false }), false],
    ["a member of a listed group", rule({ groups: [pilotGroup] }), person({ groups: [pilotGroup] }), true],
    ["not someone outside the listed groups", rule({ groups: [pilotGroup] }), person({ groups: [] }), false],
    ["a department, ignoring case and spaces", rule({ departments: [" finance "] }), person({ department: "Finance " }), true],
    ["not another department", rule({ departments: ["Finance"] }), person({ department: "Sales" }), false],
    ["not someone with no department", rule({ departments: ["Finance"] }), person({ department: null }), false],
    ["not someone whose department is blank", rule({ departments: ["Finance"] }), person({ department: "  " }), false],
    ["a user by UPN, in any case", rule({ users: ["ada@contoso.com"] }), person({ userPrincipalName: "Ada@Contoso.com" }), true],
    ["a user by object id, in any case", rule({ users: ["u-abc"] }), person({ id: "U-ABC" }), true],
    ["nobody, with an empty rule", nobody, person({ isAdmin: true }), false],
  ])("%s", (_name, r, p, matches) => {
    expect(matchesRule(p, r)).toBe(matches);
  });

  it("puts a person in the first phase that takes them in, in the order the waves run", () => {
    const phases: Phase[] = [
      { name: "Pilot", members: rule({ groups: [pilotGroup] }), deadline: "2026-12-01", deadlineDaysAfterFirstReminder: undefined },
      { name: "Admins", members: rule({ admins: true }), deadline: "2026-12-08", deadlineDaysAfterFirstReminder: undefined },
      { name: "Everyone", members: rule({ all: true }), deadline: undefined, deadlineDaysAfterFirstReminder: 14 },
    ];
    expect(findPhase(person({ isAdmin: true, groups: [pilotGroup] }), phases)?.name).toBe("Pilot");
    expect(findPhase(person({ isAdmin: true, groups: [] }), phases)?.name).toBe("Admins");
    expect(findPhase(person({ groups: [] }), phases)?.name).toBe("Everyone");
    expect(findPhase(person({ groups: [] }), phases.slice(0, 2))).toBeUndefined();
  });
});
