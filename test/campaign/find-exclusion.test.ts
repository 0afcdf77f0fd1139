import { describe, expect, it } from "vitest";
import { findExclusion } from "../../src/campaign/find-exclusion.js";
import type { Person } from "../../src/campaign/person.js";
import { examplePolicy, person, serviceGroup } from "./campaign-fixture.js";

const policy = examplePolicy({
  exclude: { users: ["admin-emergency-01@contoso.com", "b7a1c0de-0000-0000-0000-00000000000f"], groups: [serviceGroup] },
});

describe("who the campaign leaves out entirely", () => {
  it.each<[string, Person, string | undefined]>([
    [
      "a break-glass account, by UPN in any case",
      person({ userPrincipalName: "Admin-Emergency-01@Contoso.com" }),
      "excluded by name (exclude.users)",
    ],
    [
      "an account listed by object id, in any case",
      person({ id: "B7A1C0DE-0000-0000-0000-00000000000F" }),
      "excluded by name (exclude.users)",
    ],
    ["a disabled account", person({ accountEnabled: false }), "account disabled"],
    ["a guest", person({ userType: "Guest" }), "guest account"],
    ["a guest spelt in lower case", person({ userType: "guest" }), "guest account"],
    ["a service account in an excluded group", person({ groups: [serviceGroup] }), `member of excluded group ${serviceGroup}`],
    ["a member, enabled, in no excluded group: nobody", person(), undefined],
    ["a member with no user type: nobody", person({ userType: null }), undefined],
  ])("%s", (_name, p, why) => {
    expect(findExclusion(p, policy)?.reason).toBe(why);
  });

  it("names the first reason that applies: by name, then disabled, then guest, then group", () => {
    const everything = {
      userPrincipalName: "admin-emergency-01@contoso.com",
      accountEnabled: false,
      userType: "Guest",
      groups: [serviceGroup],
    };
    expect(findExclusion(person(everything), policy)?.reason).toBe("excluded by name (exclude.users)");
    expect(findExclusion(person({ ...everything, userPrincipalName: "x@contoso.com" }), policy)?.reason).toBe("account disabled");
    expect(findExclusion(person({ ...everything, userPrincipalName: "x@contoso.com", accountEnabled: true }), policy)?.reason).toBe(
      "guest account",
    );
  });

  it("gives each reason its cause, for the figures' excluded-by-cause counts", () => {
    expect(findExclusion(person({ userPrincipalName: "admin-emergency-01@contoso.com" }), policy)?.cause).toBe("named");
    expect(findExclusion(person({ accountEnabled: false }), policy)?.cause).toBe("disabled");
    expect(findExclusion(person({ userType: "Guest" }), policy)?.cause).toBe("guest");
    expect(findExclusion(person({ groups: [serviceGroup] }), policy)?.cause).toBe("group");
  });

  it("keeps guests and disabled accounts in when the campaign says so", () => {
    const inclusive = examplePolicy({ exclude: { guests: false, disabled: false } });
    expect(findExclusion(person({ userType: "Guest" }), inclusive)).toBeUndefined();
    expect(findExclusion(person({ accountEnabled: false }), inclusive)).toBeUndefined();
  });
});
