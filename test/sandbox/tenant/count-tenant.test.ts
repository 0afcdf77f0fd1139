import { describe, expect, it } from "vitest";
import { countTenant } from "../../../src/sandbox/tenant/count-tenant.js";
import { generateTenant } from "../../../src/sandbox/tenant/generate-tenant.js";
import { isMfaRegistered } from "../../../src/sandbox/tenant/is-mfa-registered.js";
import { tinyId, tinyTenant } from "./tiny-tenant.js";

const PUSH = ["microsoftAuthenticatorPush", "softwareOneTimePasscode"];

/** Eleven users, each there to exercise one rule of the definitions. */
function handBuiltTenant() {
  return tinyTenant(
    [
      { name: "ada", department: "IT", methodsRegistered: PUSH, isAdmin: true }, // registered admin
      { name: "bob", department: "IT", methodsRegistered: [], isAdmin: true }, // unregistered admin
      { name: "cy", department: "Sales", methodsRegistered: ["mobilePhone"] }, // registered by SMS
      { name: "dee", department: "Sales", methodsRegistered: ["email"] }, // email alone is not MFA
      { name: "eve", department: null, methodsRegistered: PUSH }, // no department
      { name: "fay", department: "  ", methodsRegistered: [] }, // blank department
      { name: "gus", department: "Sales", methodsRegistered: PUSH, inReport: false }, // not in the report yet
      { name: "hal", department: "Sales", methodsRegistered: PUSH, accountEnabled: false }, // leaver: not a member
      { name: "ivy", userType: "Guest", kind: "guest", methodsRegistered: PUSH }, // guest: not a member
      { name: "svc-backup", kind: "service", methodsRegistered: [] }, // service account: a member
      { name: "admin-emergency-01", kind: "breakGlass", isAdmin: true, methodsRegistered: [], inReport: true },
    ],
    [{ name: "zed", methodsRegistered: PUSH }], // deleted: report only
  );
}

describe("countTenant", () => {
  it("matches the definitions on a hand-built tenant", () => {
    expect(countTenant(handBuiltTenant())).toEqual({
      users: 11,
      members: 9, // all but hal (disabled) and ivy (guest)
      registered: 3, // ada, cy, eve; not gus (missing from the report), not dee (email only)
      notRegistered: 6,
      admins: 3, // ada, bob, the break-glass account
      adminsNotRegistered: 2,
      percentRegistered: 33.3,
      byDepartment: {
        IT: { members: 2, registered: 1 },
        Sales: { members: 3, registered: 1 },
        "(none)": { members: 4, registered: 1 }, // eve, fay, svc-backup, break-glass
      },
    });
  });

  it("counts a registration once the report has caught up with it, and not before", () => {
    const tenant = handBuiltTenant();
    tenant.registerUser(tinyId(2), ["microsoftAuthenticatorPush"], 1_000);
    expect(countTenant(tenant, { nowMs: 1_500, reportLagMs: 1_000 })).toMatchObject({ registered: 3, adminsNotRegistered: 2 });
    expect(countTenant(tenant, { nowMs: 2_000, reportLagMs: 1_000 })).toMatchObject({ registered: 4, adminsNotRegistered: 1 });
    expect(countTenant(tenant).registered).toBe(4);
  });

  it("puts someone missing from the report into it once their registration is visible", () => {
    const tenant = handBuiltTenant();
    tenant.registerUser(tinyId(7), ["mobilePhone"], 0);
    expect(countTenant(tenant).registered).toBe(4);
  });

  it("answers zero percent for a tenant without members", () => {
    const counts = countTenant(tinyTenant([{ name: "ivy", userType: "Guest", kind: "guest" }]));
    expect(counts).toMatchObject({ users: 1, members: 0, registered: 0, percentRegistered: 0, byDepartment: {} });
  });

  it("agrees with a direct recount of a generated tenant", () => {
    const tenant = generateTenant({ seed: 9, size: 2_000 });
    const counts = countTenant(tenant);
    const members = tenant.users.filter((user) => user.accountEnabled && user.userType === "Member");
    const registered = members.filter((user) => user.inReport && isMfaRegistered(user.methodsRegistered));
    expect(counts.members).toBe(members.length);
    expect(counts.registered).toBe(registered.length);
    expect(Object.values(counts.byDepartment).reduce((sum, d) => sum + d.members, 0)).toBe(members.length);
    expect(counts.percentRegistered).toBe(Math.round((registered.length / members.length) * 1000) / 10);
  });
});
