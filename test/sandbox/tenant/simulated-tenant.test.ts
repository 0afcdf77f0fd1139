import { describe, expect, it } from "vitest";
import { reportView } from "../../../src/sandbox/tenant/report-view.js";
import { tinyId, tinyTenant } from "./tiny-tenant.js";

describe("SimulatedTenant", () => {
  const build = () =>
    tinyTenant(
      [
        { name: "Ada.Lovelace", methodsRegistered: ["email"] },
        { name: "bob", teamsAppInstalled: true },
        { name: "cy", teamsAppBlocked: true },
      ],
      [{ name: "zed" }],
    );

  it("finds users by id and by UPN, ignoring case", () => {
    const tenant = build();
    expect(tenant.userById(tinyId(1))?.displayName).toBe("Ada.Lovelace");
    expect(tenant.userByUpn("ada.lovelace@CONTOSO.com")?.id).toBe(tinyId(1));
    expect(tenant.findUser("BOB@contoso.com")?.id).toBe(tinyId(2));
    expect(tenant.findUser(tinyId(3).toUpperCase())?.displayName).toBe("cy");
    expect(tenant.findUser("nobody@contoso.com")).toBeUndefined();
  });

  it("keeps deleted users out of the directory but in the report's candidates", () => {
    const tenant = build();
    expect(tenant.findUser(tinyId(1001))).toBeUndefined();
    expect(tenant.deletedUserById(tinyId(1001))?.displayName).toBe("zed");
    expect(tenant.reportCandidates().map((user) => user.displayName)).toEqual(["Ada.Lovelace", "bob", "cy", "zed"]);
  });

  it("adds registered methods at once, while the report shows them only after its lag", () => {
    const tenant = build();
    const ada = tenant.registerUser(tinyId(1), ["microsoftAuthenticatorPush", "email"], 10_000);
    expect(ada.methodsRegistered).toEqual(["email", "microsoftAuthenticatorPush"]);
    expect(reportView(ada, { nowMs: 10_000 + 59_999, reportLagMs: 60_000 }).methodsRegistered).toEqual(["email"]);
    expect(reportView(ada, { nowMs: 10_000 + 60_000, reportLagMs: 60_000 })).toEqual({
      inReport: true,
      methodsRegistered: ["email", "microsoftAuthenticatorPush"],
      changedAtMs: 70_000,
    });
  });

  it("refuses to register someone who is not in the directory", () => {
    expect(() => build().registerUser(tinyId(1001), ["mobilePhone"], 0)).toThrow(/no user/);
  });

  it("installs the Teams app once, and never for a user whose policy blocks it", () => {
    const tenant = build();
    expect(tenant.installTeamsApp(tinyId(1), Date.UTC(2025, 0, 7))).toBe("installed");
    expect(tenant.userById(tinyId(1))).toMatchObject({ teamsAppInstalled: true, teamsAppInstalledDateTime: "2025-01-07T00:00:00.000Z" });
    expect(tenant.installTeamsApp(tinyId(1), 0)).toBe("alreadyInstalled");
    expect(tenant.installTeamsApp(tinyId(2), 0)).toBe("alreadyInstalled");
    expect(tenant.installTeamsApp(tinyId(3), 0)).toBe("blocked");
    expect(tenant.userById(tinyId(3))?.teamsAppInstalled).toBe(false);
    expect(tenant.installTeamsApp(tinyId(99), 0)).toBe("userNotFound");
  });
});
