import { describe, expect, it } from "vitest";
import { checkGraphToken } from "../../src/doctor/check-graph-token.js";
import { checkLicence } from "../../src/doctor/check-licence.js";
import { checkPermissions } from "../../src/doctor/check-permissions.js";
import { judgeDoctorFacts } from "../../src/doctor/run-doctor.js";
import type { Probe } from "../../src/doctor/probe.js";
import { failed, goodFacts, ok } from "./doctor-facts-fixture.js";

const withReport = (outcome: Probe<unknown>) =>
  goodFacts({ permissions: [{ permission: "AuditLog.Read.All", optional: false, request: "GET /reports/x", outcome }] });

describe("the access checks", () => {
  it.each([
    [
      "a secret that worked",
      goodFacts(),
      "ok",
      `Graph accepted a token from the client secret of app 3f2a8c1e-6d4b-4b8e-9a51-0c7d2e9f4a11.`,
      "",
    ],
    ["a ready token", goodFacts({ graphAuth: "token", clientId: undefined }), "ok", "Graph accepted a token from GRAPH_ACCESS_TOKEN.", ""],
    [
      "a wrong secret",
      goodFacts({
        token: failed("rejectedToken", "Could not get a Graph token: AADSTS7000215: Invalid client secret.", "The client secret is wrong."),
      }),
      "fail",
      "No usable token from the client secret of app 3f2a8c1e-6d4b-4b8e-9a51-0c7d2e9f4a11: Could not get a Graph token: " +
        "AADSTS7000215: Invalid client secret.",
      "The client secret is wrong.",
    ],
    [
      "no credentials",
      goodFacts({ graphAuth: "none", token: failed("noCredentials", "No Graph credentials are configured.") }),
      "fail",
      "No Graph credentials are configured.",
      "Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or GRAPH_ACCESS_TOKEN).",
    ],
    [
      "Graph out of reach",
      goodFacts({ token: failed("unreachable", "fetch failed: ECONNREFUSED") }),
      "fail",
      "Could not reach Graph: fetch failed: ECONNREFUSED",
      "Check GRAPH_BASE_URL and this host's network.",
    ],
  ])("judges the Graph token: %s", (_label, facts, status, detail, fix) => {
    expect(checkGraphToken(facts)).toEqual({ check: "access.graphToken", status, detail, fix });
  });

  it.each([
    ["granted", ok({}), "ok", "Granted: GET /groups answered.", ""],
    [
      "refused",
      failed("denied", "Graph answered 403 Authorization_RequestDenied for /groups: Insufficient privileges"),
      "fail",
      "Not granted: Graph answered 403 Authorization_RequestDenied for /groups: Insufficient privileges",
      "grant",
    ],
    ["not asked", failed("notRun", "no user to ask about"), "skipped", "Not checked: no user to ask about", ""],
    [
      "hidden by the licence",
      failed("noLicence"),
      "skipped",
      "Not known: the report refused for want of an Entra ID P1/P2 licence (see access.licence).",
      "",
    ],
    ["a 503", failed("error", "Graph answered 503"), "warn", "Could not tell: GET /groups failed: Graph answered 503", "Run doctor again."],
  ] as const)("judges a required permission whose probe was %s", (_label, outcome, status, detail, fix) => {
    const facts = goodFacts({ permissions: [{ permission: "GroupMember.Read.All", optional: false, request: "GET /groups", outcome }] });
    const grant =
      "Grant the application permission GroupMember.Read.All (Entra admin center > App registrations > the app > API permissions), " +
      'then press "Grant admin consent".';
    expect(checkPermissions(facts)).toEqual([
      { check: "access.permission.GroupMember.Read.All", status, detail, fix: fix === "grant" ? grant : fix },
    ]);
  });

  it("calls a refused optional permission skipped, not failed, and says what it costs", () => {
    const facts = goodFacts({
      permissions: [
        { permission: "Policy.Read.All", optional: true, request: "GET /policies/x", outcome: failed("denied", "403 AccessDenied") },
      ],
    });
    expect(checkPermissions(facts)[0]).toMatchObject({
      status: "skipped",
      detail: "Not granted (optional): 403 AccessDenied. The enforcement checks below are skipped.",
    });
  });

  it.each([
    ["the report answered", ok({}), "ok", "The registration report answered, so the tenant has Entra ID P1 or P2."],
    [
      "the report refused for want of a licence",
      failed("noLicence", "Graph answered 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant"),
      "fail",
      "The tenant has no Entra ID P1 or P2: Graph answered 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant",
    ],
    [
      "the report refused for want of AuditLog.Read.All",
      failed("denied"),
      "skipped",
      "Not known: the registration report could not be read (see access.permission.AuditLog.Read.All).",
    ],
  ] as const)("tells the licence from the report's answer: %s", (_label, outcome, status, detail) => {
    expect(checkLicence(withReport(outcome))).toMatchObject({ check: "access.licence", status, detail });
  });

  it("reports missing credentials apart, for exit status 2, and keeps the checks in the order they are fixed", () => {
    const report = judgeDoctorFacts(goodFacts({ graphAuth: "none", token: failed("noCredentials") }), "2025-03-11T09:00:00.000Z");
    expect(report.credentialsMissing).toBe(true);
    expect(report.checks.map((c) => c.check)).toEqual([
      "access.graphToken",
      "access.permission.AuditLog.Read.All",
      "access.permission.User.Read.All",
      "access.permission.Policy.Read.All",
      "access.licence",
      "teams.catalogApp",
      "teams.catalogId",
      "teams.botToken",
      "teams.appPackage",
      "campaign.groups",
      "campaign.users",
      "enforcement.securityDefaults",
      "enforcement.conditionalAccess",
      "enforcement.breakGlass",
      "enforcement.registrationCampaign",
      "enforcement.coverage",
    ]);
    expect(judgeDoctorFacts(goodFacts(), "2025-03-11T09:00:00.000Z").checks.filter((c) => c.status !== "ok")).toEqual([]);
  });
});
