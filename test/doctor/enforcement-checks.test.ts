import { describe, expect, it } from "vitest";
import { checkBreakGlass } from "../../src/doctor/check-break-glass.js";
import { checkConditionalAccess } from "../../src/doctor/check-conditional-access.js";
import { checkEnforcementCoverage } from "../../src/doctor/check-enforcement-coverage.js";
import { checkRegistrationCampaign } from "../../src/doctor/check-registration-campaign.js";
import { checkSecurityDefaults } from "../../src/doctor/check-security-defaults.js";
import { GLOBAL_ADMINISTRATOR_ROLE } from "../../src/doctor/conditional-access-rules.js";
import type { EnforcementFacts } from "../../src/doctor/doctor-facts.js";
import { summarizeEnforcement } from "../../src/doctor/enforcement-summary.js";
import type { ConditionalAccessPolicy } from "../../src/graph/policies.js";
import { BREAK_GLASS, caPolicy, EMERGENCY_GROUP, failed, goodEnforcement, goodFacts, ok } from "./doctor-facts-fixture.js";

const [first, second] = BREAK_GLASS as [(typeof BREAK_GLASS)[0], (typeof BREAK_GLASS)[0]];
const REPORT_ONLY = "enabledForReportingButNotEnforced";
const withPolicies = (policies: ConditionalAccessPolicy[], changes: Partial<EnforcementFacts> = {}) =>
  goodFacts({ enforcement: goodEnforcement({ policies: ok(policies), ...changes }) });
const skippedForPolicy = {
  status: "skipped",
  detail: "Skipped: grant Policy.Read.All to check.",
  fix: "Grant Policy.Read.All (optional) to check how MFA is enforced.",
};

describe("the break-glass check", () => {
  const excludedByUser = { excludeUsers: [first.id, second.id] };
  it.each([
    ["excluded by account from a policy for all users", [caPolicy("MFA", { users: excludedByUser })], "ok", ""],
    ["excluded through a group they belong to", [caPolicy("MFA", { users: { excludeGroups: [EMERGENCY_GROUP] } })], "ok", ""],
    ["in a disabled policy only", [caPolicy("MFA", { state: "disabled" })], "ok", ""],
    ["in a policy that asks for a compliant device, not MFA", [caPolicy("Devices", { builtInControls: ["compliantDevice"] })], "ok", ""],
    [
      "excluded as Global Administrators",
      [
        caPolicy("Admins", {
          users: { includeUsers: [], includeRoles: [GLOBAL_ADMINISTRATOR_ROLE], excludeRoles: [GLOBAL_ADMINISTRATOR_ROLE] },
        }),
      ],
      "ok",
      "",
    ],
    ["in a policy for another group", [caPolicy("Pilot", { users: { includeUsers: [], includeGroups: ["some-other-group"] } })], "ok", ""],
    [
      "one account left in an enabled policy",
      [caPolicy("Require MFA for all users", { users: { excludeUsers: [first.id] } })],
      "fail",
      `${second.upn} is not excluded from "Require MFA for all users" (enabled).`,
    ],
    [
      "both in a report-only policy",
      [caPolicy("Require MFA", { state: REPORT_ONLY })],
      "fail",
      `${first.upn} is not excluded from "Require MFA" (report-only); ${second.upn} is not excluded from "Require MFA" (report-only).`,
    ],
    [
      "in a policy that blocks sign-in",
      [caPolicy("Block legacy", { builtInControls: ["block"], users: { excludeUsers: [first.id] } })],
      "fail",
      `${second.upn} is not excluded from "Block legacy" (enabled).`,
    ],
    [
      "in a policy for directory roles with an authentication strength",
      [
        caPolicy("Admins", {
          builtInControls: [],
          authenticationStrength: "Phishing-resistant MFA",
          users: { includeUsers: [], includeRoles: ["role"], excludeUsers: [first.id] },
        }),
      ],
      "fail",
      `${second.upn} is not excluded from "Admins" (enabled).`,
    ],
    [
      "named in the policy by account",
      [caPolicy("Named", { users: { includeUsers: [second.id], excludeUsers: [] } })],
      "fail",
      `${second.upn} is not excluded from "Named" (enabled).`,
    ],
  ] as const)("with the accounts %s: %s", (_label, policies, status, detail) => {
    const result = checkBreakGlass(withPolicies([...policies]));
    expect(result.status).toBe(status);
    if (status === "fail") {
      expect(result.detail).toBe(detail);
      expect(result.fix).toBe(
        "Exclude each named account (or a group holding it) under the policy's Users > Exclude in the Entra admin center.",
      );
    } else {
      expect(result.detail).toBe(
        `2 of 2 break-glass accounts checked against ` +
          `${policies.filter((p) => p.state !== "disabled" && !p.builtInControls.includes("compliantDevice")).length} ` +
          `policies requiring MFA or blocking sign-in: every one is excluded from each.`,
      );
    }
  });

  it("warns when the campaign names no break-glass account", () => {
    expect(checkBreakGlass(goodFacts({ enforcement: goodEnforcement({ breakGlass: [] }) }))).toEqual({
      check: "enforcement.breakGlass",
      status: "warn",
      detail: "The campaign names no break-glass accounts (exclude.users).",
      fix: "Name your emergency-access accounts in the campaign file's exclude.users.",
    });
  });

  it("warns that security defaults cannot exclude anyone", () => {
    expect(checkBreakGlass(withPolicies([], { securityDefaults: ok(true) }))).toMatchObject({
      status: "warn",
      detail: "Security defaults are on, and they cannot exclude anyone: the break-glass accounts get MFA prompts too.",
    });
  });

  it("says so when an account is not in the directory or its groups were not read, rather than calling it safe", () => {
    const breakGlass = [
      { userPrincipalName: first.upn, id: first.id, groupIds: failed("denied") },
      { userPrincipalName: "gone@contoso.com", id: undefined, groupIds: failed("notRun") },
    ];
    expect(checkBreakGlass(goodFacts({ enforcement: goodEnforcement({ breakGlass }) }))).toMatchObject({
      status: "warn",
      detail:
        "1 of 2 break-glass accounts checked against 1 policies requiring MFA or blocking sign-in: none is missing an exclusion, " +
        `but not found in the directory: gone@contoso.com; group memberships unread for ${first.upn}.`,
    });
  });

  it("warns, rather than guessing, when Graph fails to list the policies", () => {
    const facts = goodFacts({ enforcement: goodEnforcement({ policies: failed("error", "Graph answered 500 InternalServerError") }) });
    expect(checkBreakGlass(facts)).toEqual({
      check: "enforcement.breakGlass",
      status: "warn",
      detail: "Could not read it: Graph answered 500 InternalServerError",
      fix: "Run doctor again.",
    });
  });

  it("is skipped without Policy.Read.All", () => {
    expect(checkBreakGlass(goodFacts({ enforcement: goodEnforcement({ policies: failed("denied") }) }))).toEqual({
      check: "enforcement.breakGlass",
      ...skippedForPolicy,
    });
  });
});

describe("the other enforcement checks", () => {
  it.each([
    [
      [caPolicy("All", { state: "enabled" }), caPolicy("Old", { state: "disabled" })],
      "ok",
      'Policies requiring MFA: "All" (enabled), "Old" (disabled).',
    ],
    [
      [caPolicy("All", { state: REPORT_ONLY })],
      "warn",
      'Policies requiring MFA: "All" (report-only). Report-only policies log what they would do and enforce nothing.',
    ],
    [[caPolicy("Old", { state: "disabled" })], "warn", 'Policies requiring MFA: "Old" (disabled). None is switched on.'],
    [[caPolicy("Block", { builtInControls: ["block"] })], "warn", "No Conditional Access policy requires MFA."],
  ] as const)("lists the policies requiring MFA with their state (%#)", (policies, status, detail) => {
    expect(checkConditionalAccess(withPolicies([...policies]))).toMatchObject({ check: "enforcement.conditionalAccess", status, detail });
  });

  it("names security defaults, on or off, and skips without the permission", () => {
    expect(checkSecurityDefaults(withPolicies([], { securityDefaults: ok(true) }))).toMatchObject({
      status: "ok",
      detail: "On: everyone must register the Microsoft Authenticator app within 14 days of their next sign-in, with no exceptions.",
    });
    expect(checkSecurityDefaults(goodFacts())).toMatchObject({
      status: "ok",
      detail: "Off: MFA is up to Conditional Access (next check).",
    });
    expect(checkSecurityDefaults(goodFacts({ enforcement: goodEnforcement({ securityDefaults: failed("denied") }) }))).toEqual({
      check: "enforcement.securityDefaults",
      ...skippedForPolicy,
    });
  });

  it.each([
    ["enabled", "Enabled: Entra also asks people to set up Microsoft Authenticator at sign-in, once they pass an MFA challenge."],
    ["disabled", "Disabled: only mfa-nudge reminds people."],
    ["default", "Default: Microsoft decides whether Entra asks people to set up Authenticator at sign-in."],
  ])("states Entra's registration campaign: %s", (state, detail) => {
    expect(checkRegistrationCampaign(goodFacts({ enforcement: goodEnforcement({ registrationCampaign: ok(state) }) }))).toMatchObject({
      status: "ok",
      detail,
    });
  });

  const SWITCH_ON =
    "Before the first deadline, switch on a Conditional Access policy requiring MFA of everyone reminded (or security defaults).";
  it.each([
    [
      "security defaults",
      withPolicies([], { securityDefaults: ok(true) }),
      "ok",
      "Security defaults enforce MFA for everyone.",
      "",
      "securityDefaults",
      [],
    ],
    [
      "a policy for all users",
      withPolicies([caPolicy("Require MFA")]),
      "ok",
      '"Require MFA" requires MFA of all users.',
      "",
      "conditionalAccess",
      ["Require MFA"],
    ],
    [
      "policies for some",
      withPolicies([caPolicy("Admins", { users: { includeUsers: [], includeRoles: ["r"] } }), caPolicy("All", { state: REPORT_ONLY })]),
      "warn",
      'Only some people must use MFA: the enabled policies requiring it ("Admins") target groups, accounts or roles, not all users.',
      SWITCH_ON,
      "partial",
      ["Admins"],
    ],
    [
      "report-only policies",
      withPolicies([caPolicy("Require MFA", { state: REPORT_ONLY })]),
      "warn",
      'Nothing enforces MFA yet: the policies requiring it ("Require MFA") are report-only, ' +
        "so the deadline on the cards means nothing yet.",
      SWITCH_ON,
      "reportOnly",
      ["Require MFA"],
    ],
    [
      "nothing",
      withPolicies([caPolicy("Block", { builtInControls: ["block"] })]),
      "warn",
      "Nothing enforces MFA for the people being reminded, so the deadline on the cards means nothing yet.",
      SWITCH_ON,
      "none",
      [],
    ],
  ] as const)("says whether anything enforces MFA: %s", (_label, facts, status, detail, fix, state, policies) => {
    expect(checkEnforcementCoverage(facts)).toEqual({ check: "enforcement.coverage", status, detail, fix });
    expect(summarizeEnforcement(facts.enforcement, "2025-03-11T09:00:00.000Z")).toEqual({
      state,
      policies,
      checkedAt: "2025-03-11T09:00:00.000Z",
    });
  });

  it("keeps the enforcement state unknown, for the status line, when the policies cannot be read", () => {
    const facts = goodEnforcement({ securityDefaults: failed("denied"), policies: failed("denied") });
    expect(summarizeEnforcement(facts, "t")).toEqual({ state: "unknown", policies: [], checkedAt: "t" });
  });
});
