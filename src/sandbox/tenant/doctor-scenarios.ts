import { createSeededRandom } from "./seeded-random.js";
import type { SimulatedTenant } from "./simulated-tenant.js";
import { ALL_PERMISSIONS, type TenantSetup } from "./tenant-setup.js";

/** The setups `mfa-nudge doctor` is tested against, each one thing away from a tenant ready for day one. */
export const DOCTOR_SCENARIOS = [
  "all-good",
  "report-only",
  "break-glass-not-excluded",
  "security-defaults",
  "catalog-id-wrong",
  "permission-missing",
  "no-p1",
  "policy-read-missing",
] as const;

export type DoctorScenario = (typeof DOCTOR_SCENARIOS)[number];

/** The secret the simulated sign-in endpoint accepts for the bot; the sandbox prints it. */
export const SANDBOX_BOT_SECRET = "sandbox-bot-secret";
/** The simulated tenant's id, for settings that need one (the sign-in endpoint takes any). */
export const SANDBOX_TENANT_ID = "11111111-2222-3333-4444-555555555555";

// The Global Administrator role's template id (learn.microsoft.com, "Microsoft Entra built-in roles").
const GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
// The "Phishing-resistant MFA" built-in authentication strength's id (learn.microsoft.com, "Built-in authentication strengths").
const PHISHING_RESISTANT = "00000000-0000-0000-0000-000000000004";

/**
 * A tenant ready for day one, changed by `scenario`. Policies follow Microsoft's common templates:
 * MFA for all users and phishing-resistant MFA for admins, legacy authentication blocked, the
 * emergency-access accounts excluded from each (by account and by group).
 */
export function tenantSetupFor(tenant: SimulatedTenant, scenario: DoctorScenario = "all-good"): TenantSetup {
  const random = createSeededRandom(tenant.generatedAtMs, "tenant-setup");
  const ids = {
    emergencyGroup: random.guid(),
    mfaAll: random.guid(),
    admins: random.guid(),
    legacy: random.guid(),
    oldPilot: random.guid(),
  };
  const breakGlass = tenant.users.filter((u) => u.kind === "breakGlass").map((u) => u.id);
  const granted = new Set<string>(ALL_PERMISSIONS);
  const reportOnly = scenario === "report-only";
  const policies = [
    policy(ids.mfaAll, "Require MFA for all users", reportOnly ? "enabledForReportingButNotEnforced" : "enabled", {
      users: { includeUsers: ["All"], excludeUsers: scenario === "break-glass-not-excluded" ? breakGlass.slice(0, 1) : breakGlass },
      grant: { builtInControls: ["mfa"] },
    }),
    policy(ids.admins, "Require phishing-resistant MFA for admins", reportOnly ? "enabledForReportingButNotEnforced" : "enabled", {
      users: { includeRoles: [GLOBAL_ADMINISTRATOR], excludeGroups: [ids.emergencyGroup] },
      grant: { builtInControls: [], authenticationStrength: { id: PHISHING_RESISTANT, displayName: "Phishing-resistant MFA" } },
    }),
    policy(ids.legacy, "Block legacy authentication", "enabled", {
      users: { includeUsers: ["All"], excludeGroups: [ids.emergencyGroup] },
      grant: { builtInControls: ["block"] },
      clientAppTypes: ["exchangeActiveSync", "other"],
    }),
    policy(ids.oldPilot, "MFA pilot (superseded)", "disabled", {
      users: { includeGroups: [tenant.groups.pilot] },
      grant: { builtInControls: ["mfa"] },
    }),
  ];
  const noPremium = scenario === "no-p1";
  if (scenario === "permission-missing") granted.delete("UserAuthenticationMethod.Read.All");
  if (scenario === "policy-read-missing") granted.delete("Policy.Read.All");
  return {
    grantedPermissions: granted,
    premiumLicence: !noPremium,
    signInLogLicence: !noPremium,
    // Without P1 there is no Conditional Access; security defaults are what such a tenant has.
    securityDefaultsEnabled: noPremium || scenario === "security-defaults",
    conditionalAccessPolicies: noPremium || scenario === "security-defaults" ? [] : policies,
    registrationCampaignState: "enabled",
    extraGroups: new Map([[ids.emergencyGroup, { displayName: "Emergency access accounts", members: breakGlass }]]),
    bot: { appId: tenant.botAppId, secret: SANDBOX_BOT_SECRET },
  };
}

/**
 * The settings that go with a scenario: the Teams app's ids and the bot's credentials. In
 * catalog-id-wrong TEAMS_CATALOG_APP_ID holds the manifest id, the usual mistake, so installs would use it.
 */
export function scenarioSettings(tenant: SimulatedTenant, scenario: DoctorScenario): Record<string, string> {
  return {
    TEAMS_APP_ID: tenant.teamsApp.externalId,
    TEAMS_CATALOG_APP_ID: scenario === "catalog-id-wrong" ? tenant.teamsApp.externalId : tenant.teamsApp.id,
    BOT_ID: tenant.botAppId,
    BOT_PASSWORD: SANDBOX_BOT_SECRET,
    BOT_TENANT_ID: SANDBOX_TENANT_ID,
  };
}

interface PolicyShape {
  users: Partial<Record<"includeUsers" | "excludeUsers" | "includeGroups" | "excludeGroups" | "includeRoles" | "excludeRoles", string[]>>;
  grant: { builtInControls: string[]; authenticationStrength?: { id: string; displayName: string } };
  clientAppTypes?: string[];
}

/** A conditionalAccessPolicy as Graph lists it (learn.microsoft.com, "List policies", v1.0 example). */
function policy(id: string, displayName: string, state: string, shape: PolicyShape): Record<string, unknown> {
  const users = shape.users;
  return {
    id,
    displayName,
    createdDateTime: "2024-11-04T09:12:44.5011393Z",
    modifiedDateTime: null,
    state,
    sessionControls: null,
    conditions: {
      signInRiskLevels: [],
      clientAppTypes: shape.clientAppTypes ?? ["all"],
      platforms: null,
      locations: null,
      applications: { includeApplications: ["All"], excludeApplications: [], includeUserActions: [] },
      users: {
        includeUsers: users.includeUsers ?? [],
        excludeUsers: users.excludeUsers ?? [],
        includeGroups: users.includeGroups ?? [],
        excludeGroups: users.excludeGroups ?? [],
        includeRoles: users.includeRoles ?? [],
        excludeRoles: users.excludeRoles ?? [],
      },
    },
    grantControls: {
      operator: "OR",
      builtInControls: shape.grant.builtInControls,
      customAuthenticationFactors: [],
      termsOfUse: [],
      ...(shape.grant.authenticationStrength ? { authenticationStrength: shape.grant.authenticationStrength } : {}),
    },
  };
}
