import type { DoctorFacts, EnforcementFacts } from "../../src/doctor/doctor-facts.js";
import type { Probe, ProbeFailure } from "../../src/doctor/probe.js";
import type { ConditionalAccessPolicy } from "../../src/graph/policies.js";

export const CLIENT_ID = "3f2a8c1e-6d4b-4b8e-9a51-0c7d2e9f4a11";
export const MANIFEST_ID = "cb435133-ff8b-420c-8080-ccdbc5e6e548";
export const CATALOG_ID = "e26f4b6b-138e-4502-b2f9-9fa62d3b36dd";
export const BREAK_GLASS = [
  { upn: "admin-emergency-01@contoso.com", id: "00000000-0000-4000-8000-0000000000b1" },
  { upn: "admin-emergency-02@contoso.com", id: "00000000-0000-4000-8000-0000000000b2" },
];
export const EMERGENCY_GROUP = "00000000-0000-4000-8000-00000000e001";

export const ok = <T>(value: T): Probe<T> => ({ ok: true, value });
export const failed = (kind: ProbeFailure["kind"], message = `${kind} message`, hint?: string): Probe<never> => ({
  ok: false,
  failure: { kind, message, ...(hint ? { hint } : {}) },
});

/** A conditional access policy: enabled, for all users, requiring MFA, excluding nobody, unless changed. */
export function caPolicy(
  displayName: string,
  changes: Partial<Omit<ConditionalAccessPolicy, "users">> & { users?: Partial<ConditionalAccessPolicy["users"]> } = {},
): ConditionalAccessPolicy {
  const { users, ...rest } = changes;
  return {
    id: displayName.toLowerCase().replace(/\W+/g, "-"),
    displayName,
    state: "enabled",
    builtInControls: ["mfa"],
    authenticationStrength: null,
    ...rest,
    users: {
      includeUsers: ["All"],
      excludeUsers: [],
      includeGroups: [],
      excludeGroups: [],
      includeRoles: [],
      excludeRoles: [],
      ...users,
    },
  };
}

/** Enforcement as on a ready tenant: one enabled MFA policy for everyone, the break-glass accounts excluded. */
export function goodEnforcement(changes: Partial<EnforcementFacts> = {}): EnforcementFacts {
  return {
    securityDefaults: ok(false),
    policies: ok([caPolicy("Require MFA for all users", { users: { excludeUsers: BREAK_GLASS.map((a) => a.id) } })]),
    registrationCampaign: ok("enabled"),
    breakGlass: BREAK_GLASS.map((a) => ({ userPrincipalName: a.upn, id: a.id, groupIds: ok([EMERGENCY_GROUP]) })),
    ...changes,
  };
}

/** Facts of a tenant and bot ready for day one; each test changes one thing. */
export function goodFacts(changes: Partial<DoctorFacts> = {}): DoctorFacts {
  const granted = (permission: string, request: string) => ({
    permission,
    optional: permission === "Policy.Read.All",
    request,
    outcome: ok({}),
  });
  return {
    graphAuth: "secret",
    clientId: CLIENT_ID,
    token: ok(true),
    permissions: [
      granted("AuditLog.Read.All", "GET /reports/authenticationMethods/userRegistrationDetails?$top=1"),
      granted("User.Read.All", "GET /users/delta?$select=id"),
      granted("Policy.Read.All", "GET /policies/identitySecurityDefaultsEnforcementPolicy"),
    ],
    teamsApp: {
      manifestId: MANIFEST_ID,
      catalogAppId: CATALOG_ID,
      found: ok({ id: CATALOG_ID, externalId: MANIFEST_ID, displayName: "MFA Nudge", distributionMethod: "organization" }),
    },
    bot: { appId: "862b61eb-9c0c-493b-ad5f-c7eab79c7fc3", endpoint: "https://login.example/t/oauth2/v2.0/token", outcome: ok(true) },
    appPackage: { path: "/srv/out/app.zip", manifest: ok({ id: MANIFEST_ID, webApplicationInfoId: CLIENT_ID }) },
    campaign: {
      groups: [{ source: "exclude.groups[0]", key: "g1", outcome: ok({ id: "g1", name: "Service accounts" }) }],
      users: BREAK_GLASS.map((a, j) => ({ source: `exclude.users[${j}]`, key: a.upn, outcome: ok({ id: a.id, name: a.upn }) })),
    },
    enforcement: goodEnforcement(),
    ...changes,
  };
}
