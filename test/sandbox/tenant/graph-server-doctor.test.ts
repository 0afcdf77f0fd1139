import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findCatalogApp } from "../../../src/graph/app-catalog.js";
import { createGraphClient, type GraphClient } from "../../../src/graph/client/graph-client.js";
import { readConditionalAccessPolicies, readRegistrationCampaignState, readSecurityDefaults } from "../../../src/graph/policies.js";
import {
  generateTenant,
  SANDBOX_BOT_SECRET,
  startGraphServer,
  tenantSetupFor,
  type GraphServer,
  type SimulatedTenant,
} from "../../../src/sandbox/tenant/index.js";
import { systemClock } from "../../../src/time/clock.js";
import { fetchGraph, type GraphCollection, type GraphErrorResponse } from "./fetch-graph.js";
import { schemaErrors } from "./graph-schema.js";

type DocsExample = { request: string; body: Record<string, unknown> & { value?: Record<string, unknown>[] } };
const docsExample = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "docs-examples", `${name}.json`), "utf8")) as DocsExample;

/** Every key path of a JSON value ("conditions.users.includeUsers"), to compare shapes rather than values. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...keyPaths(inner, `${prefix}${key}.`)]);
}

let tenant: SimulatedTenant;
let server: GraphServer;
let base = "";
let graph: GraphClient;

beforeEach(async () => {
  tenant = generateTenant({ seed: 8, size: 300 });
  server = await startGraphServer(tenant);
  base = `${server.url}/v1.0`;
  graph = createGraphClient({
    baseUrl: server.url,
    tokens: { getToken: () => Promise.resolve("t") },
    clock: systemClock,
    reportsPace: { limit: 5, windowMs: 10_000 },
    maxRetries: 0,
  });
});
afterEach(() => server.close());

const breakGlass = () => tenant.users.filter((u) => u.kind === "breakGlass");

describe("what doctor reads from the simulated tenant", () => {
  it("finds the bot's app by its manifest id, shaped like the docs' example and Graph's teamsApp type", async () => {
    const response = await fetchGraph<GraphCollection>(
      `${base}/appCatalogs/teamsApps?$filter=externalId eq '${tenant.teamsApp.externalId}'`,
    );
    expect(response.status).toBe(200);
    expect(response.body.value).toEqual([
      { id: tenant.teamsApp.id, externalId: tenant.teamsApp.externalId, displayName: "MFA Nudge", distributionMethod: "organization" },
    ]);
    const docs = docsExample("appcatalogs-list-teamsapps.filter-externalId").body;
    expect(Object.keys(response.body)).toEqual(Object.keys(docs));
    expect(Object.keys(response.body.value[0]!)).toEqual(Object.keys(docs.value![0]!));
    expect(schemaErrors("microsoft.graph.teamsApp", response.body.value)).toEqual([]);
    expect(await findCatalogApp(graph, tenant.teamsApp.externalId)).toEqual({
      id: tenant.teamsApp.id,
      externalId: tenant.teamsApp.externalId,
      displayName: "MFA Nudge",
      distributionMethod: "organization",
    });
    expect(await findCatalogApp(graph, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  it("lists Conditional Access policies with every property of the docs' example, which the bot reads as it reads its own", async () => {
    const docs = docsExample("conditionalaccessroot-list-policies").body;
    const response = await fetchGraph<GraphCollection>(`${base}/identity/conditionalAccess/policies`);
    for (const policy of response.body.value) {
      expect(keyPaths(policy).filter((p) => !p.startsWith("grantControls.authenticationStrength"))).toEqual(keyPaths(docs.value![0]));
    }
    server.setup.conditionalAccessPolicies = docs.value!;
    expect(await readConditionalAccessPolicies(graph)).toEqual([
      expect.objectContaining({
        displayName: "SimplePolicy1",
        state: "disabled",
        builtInControls: ["block"],
        authenticationStrength: null,
      }),
      expect.objectContaining({ displayName: "SimplePolicy2", state: "disabled", builtInControls: ["mfa"], authenticationStrength: null }),
    ]);
  });

  it("answers security defaults and the registration campaign as the docs' examples do", async () => {
    const defaults = await fetchGraph(`${base}/policies/identitySecurityDefaultsEnforcementPolicy`);
    expect(Object.keys(defaults.body).sort()).toEqual(
      Object.keys(docsExample("identitysecuritydefaultsenforcementpolicy-get").body).sort(),
    );
    expect(await readSecurityDefaults(graph)).toBe(false);
    server.setup.securityDefaultsEnabled = true;
    expect(await readSecurityDefaults(graph)).toBe(true);

    const methods = await fetchGraph(`${base}/policies/authenticationMethodsPolicy`);
    expect(keyPaths(methods.body)).toEqual(keyPaths(docsExample("authenticationmethodspolicy-get").body));
    expect(await readRegistrationCampaignState(graph)).toBe("enabled");
  });

  it("excludes the break-glass accounts by account from one policy and through the emergency-access group from the others", async () => {
    const policies = await readConditionalAccessPolicies(graph);
    expect(policies.map((p) => [p.displayName, p.state, p.users.excludeUsers.length, p.users.excludeGroups.length])).toEqual([
      ["Require MFA for all users", "enabled", 2, 0],
      ["Require phishing-resistant MFA for admins", "enabled", 0, 1],
      ["Block legacy authentication", "enabled", 0, 1],
      ["MFA pilot (superseded)", "disabled", 0, 0],
    ]);
    const emergency = policies[1]!.users.excludeGroups[0]!;
    const memberOf = await fetchGraph<GraphCollection>(`${base}/users/${breakGlass()[0]!.id}/transitiveMemberOf?$select=id`);
    expect(memberOf.body.value).toEqual([{ "@odata.type": "#microsoft.graph.group", id: emergency }]);
    const members = await fetchGraph<GraphCollection>(`${base}/groups/${emergency}/transitiveMembers?$select=id`);
    expect(members.body.value.map((m) => m.id)).toEqual(breakGlass().map((u) => u.id));
  });

  it("pages the groups and answers a missing one with Graph's 404", async () => {
    const first = await fetchGraph<GraphCollection>(`${base}/groups?$top=1&$select=id`);
    expect(first.body.value).toEqual([{ id: tenant.groups.pilot }]);
    expect(first.body["@odata.nextLink"]).toMatch(/\/v1\.0\/groups\?\$top=1&\$select=id&\$skiptoken=/);
    const group = await fetchGraph(`${base}/groups/${tenant.groups.botAdmins}?$select=id,displayName`);
    expect(group.body).toMatchObject({ id: tenant.groups.botAdmins, displayName: "MFA Nudge admins" });
    const missing = await fetchGraph<GraphErrorResponse>(`${base}/groups/00000000-0000-4000-8000-000000000009`);
    expect([missing.status, missing.body.error.code]).toEqual([404, "Request_ResourceNotFound"]);
  });

  it.each([
    [
      "AuditLog.Read.All",
      "/reports/authenticationMethods/userRegistrationDetails?$top=1",
      "Authentication_MSGraphPermissionMissing",
      "Calling principal does not have required MSGraph permissions AuditLog.Read.All",
    ],
    ["User.Read.All", "/users/delta?$select=id", "Authorization_RequestDenied", "Insufficient privileges to complete the operation."],
    ["GroupMember.Read.All", "/groups?$top=1", "Authorization_RequestDenied", "Insufficient privileges to complete the operation."],
    ["UserAuthenticationMethod.Read.All", "/users/{user}/authentication/methods", "accessDenied", "Request Authorization failed"],
    [
      "TeamsAppInstallation.ReadWriteSelfForUser.All",
      "/users/{user}/teamwork/installedApps",
      "Forbidden",
      "Missing role permissions on the request. API requires one of 'TeamsAppInstallation.ReadWriteSelfForUser.All, " +
        "TeamsAppInstallation.ReadWriteForUser.All'.",
    ],
    [
      "AppCatalog.Read.All",
      "/appCatalogs/teamsApps",
      "Forbidden",
      "Missing role permissions on the request. API requires one of 'AppCatalog.Read.All, AppCatalog.ReadWrite.All'.",
    ],
    [
      "Policy.Read.All",
      "/identity/conditionalAccess/policies",
      "AccessDenied",
      "You cannot perform the requested operation, required scopes are missing in the token.",
    ],
    [
      "Policy.Read.All",
      "/policies/identitySecurityDefaultsEnforcementPolicy",
      "Authorization_RequestDenied",
      "Insufficient privileges to complete the operation.",
    ],
  ])("answers a call needing %s, when it is not granted, with Graph's own 403 (%s)", async (permission, path, code, message) => {
    server.setup.grantedPermissions.delete(permission);
    const response = await fetchGraph<GraphErrorResponse>(`${base}${path.replace("{user}", tenant.users[0]!.id)}`);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message.startsWith(message)).toBe(true);
    expect(Object.keys(response.body.error.innerError).sort()).toEqual(["client-request-id", "date", "request-id"]);
    server.setup.grantedPermissions.add(permission);
    expect((await fetchGraph(`${base}${path.replace("{user}", tenant.users[0]!.id)}`)).status).toBe(200);
  });

  it("refuses the registration report in a tenant without Entra ID P1/P2", async () => {
    server.setup.premiumLicence = false;
    const response = await fetchGraph<GraphErrorResponse>(`${base}/reports/authenticationMethods/userRegistrationDetails?$top=1`);
    expect([response.status, response.body.error.code, response.body.error.message]).toEqual([
      403,
      "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
      "Neither tenant is B2C or tenant doesn't have premium license",
    ]);
  });

  describe("the sign-in endpoint, for the bot's credentials", () => {
    const signIn = (fields: Record<string, string>) =>
      fetchGraph<Record<string, unknown>>(`${server.url}/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token`, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "client_credentials", scope: "https://api.botframework.com/.default", ...fields }),
      });

    it("issues a Bot Framework token for the bot's id and secret", async () => {
      const response = await signIn({ client_id: tenant.botAppId, client_secret: SANDBOX_BOT_SECRET });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ token_type: "Bearer", expires_in: 3599 });
      expect(typeof response.body.access_token).toBe("string");
    });

    it("refuses a wrong secret and an unknown app with Entra's AADSTS codes", async () => {
      const wrong = await signIn({ client_id: tenant.botAppId, client_secret: "nope" });
      expect([wrong.status, wrong.body.error, wrong.body.error_codes]).toEqual([401, "invalid_client", [7000215]]);
      expect(wrong.body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided\./);
      const unknown = await signIn({ client_id: "99999999-9999-4999-8999-999999999999", client_secret: SANDBOX_BOT_SECRET });
      expect([unknown.status, unknown.body.error, unknown.body.error_codes]).toEqual([400, "unauthorized_client", [700016]]);
    });
  });

  it.each([
    ["all-good", { premiumLicence: true, securityDefaultsEnabled: false, policies: 4, missing: [] }],
    ["report-only", { premiumLicence: true, securityDefaultsEnabled: false, policies: 4, missing: [] }],
    ["security-defaults", { premiumLicence: true, securityDefaultsEnabled: true, policies: 0, missing: [] }],
    ["no-p1", { premiumLicence: false, securityDefaultsEnabled: true, policies: 0, missing: [] }],
    [
      "permission-missing",
      { premiumLicence: true, securityDefaultsEnabled: false, policies: 4, missing: ["UserAuthenticationMethod.Read.All"] },
    ],
    ["policy-read-missing", { premiumLicence: true, securityDefaultsEnabled: false, policies: 4, missing: ["Policy.Read.All"] }],
  ] as const)("sets the tenant up for the %s scenario", (scenario, expected) => {
    const setup = tenantSetupFor(tenant, scenario);
    expect({
      premiumLicence: setup.premiumLicence,
      securityDefaultsEnabled: setup.securityDefaultsEnabled,
      policies: setup.conditionalAccessPolicies.length,
      missing: [
        "AuditLog.Read.All",
        "User.Read.All",
        "GroupMember.Read.All",
        "UserAuthenticationMethod.Read.All",
        "Policy.Read.All",
      ].filter((p) => !setup.grantedPermissions.has(p)),
    }).toEqual(expected);
  });
});
