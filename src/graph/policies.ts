import type { GraphClient } from "./client/graph-client.js";
import { readPages } from "./client/read-pages.js";

/*
 * The tenant's MFA enforcement, read with Policy.Read.All (an optional permission: only `doctor` and
 * the status line's enforcement state use it). Shapes from learn.microsoft.com: conditionalAccessPolicy,
 * conditionalAccessGrantControls, identitySecurityDefaultsEnforcementPolicy, authenticationMethodsPolicy.
 */

/** A Conditional Access policy, reduced to who it applies to and what it demands. */
export interface ConditionalAccessPolicy {
  readonly id: string;
  readonly displayName: string;
  /** "enabled", "disabled" or "enabledForReportingButNotEnforced" (report-only). */
  readonly state: string;
  readonly users: {
    readonly includeUsers: readonly string[];
    readonly excludeUsers: readonly string[];
    readonly includeGroups: readonly string[];
    readonly excludeGroups: readonly string[];
    readonly includeRoles: readonly string[];
    readonly excludeRoles: readonly string[];
  };
  /** grantControls.builtInControls: "mfa", "block", "compliantDevice", ... */
  readonly builtInControls: readonly string[];
  /** grantControls.authenticationStrength's name (or id), when the policy requires one. */
  readonly authenticationStrength: string | null;
}

/** GET /policies/identitySecurityDefaultsEnforcementPolicy: whether security defaults are on. */
export async function readSecurityDefaults(graph: GraphClient): Promise<boolean> {
  const body = (await graph.get("/policies/identitySecurityDefaultsEnforcementPolicy?$select=isEnabled")) as { isEnabled?: unknown };
  return body.isEnabled === true;
}

/** GET /identity/conditionalAccess/policies, every page. */
export async function readConditionalAccessPolicies(graph: GraphClient): Promise<ConditionalAccessPolicy[]> {
  const policies: ConditionalAccessPolicy[] = [];
  for await (const page of readPages(graph, "/identity/conditionalAccess/policies")) {
    for (const raw of page.value) policies.push(toPolicy(raw as Record<string, unknown>));
  }
  return policies;
}

/**
 * GET /policies/authenticationMethodsPolicy: the state of Entra's own registration campaign
 * (registrationEnforcement.authenticationMethodsRegistrationCampaign.state: default, enabled or disabled).
 */
export async function readRegistrationCampaignState(graph: GraphClient): Promise<string> {
  const body = (await graph.get("/policies/authenticationMethodsPolicy")) as {
    registrationEnforcement?: { authenticationMethodsRegistrationCampaign?: { state?: unknown } };
  };
  const state = body.registrationEnforcement?.authenticationMethodsRegistrationCampaign?.state;
  return typeof state === "string" ? state : "default";
}

function toPolicy(raw: Record<string, unknown>): ConditionalAccessPolicy {
  const object = (value: unknown): Record<string, unknown> =>
    typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
  const users = object(object(raw.conditions).users);
  const grant = object(raw.grantControls);
  const strength =
    grant.authenticationStrength === null || grant.authenticationStrength === undefined ? null : object(grant.authenticationStrength);
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return {
    id: typeof raw.id === "string" ? raw.id : "",
    displayName: typeof raw.displayName === "string" ? raw.displayName : "(unnamed policy)",
    state: typeof raw.state === "string" ? raw.state : "disabled",
    users: {
      includeUsers: list(users.includeUsers),
      excludeUsers: list(users.excludeUsers),
      includeGroups: list(users.includeGroups),
      excludeGroups: list(users.excludeGroups),
      includeRoles: list(users.includeRoles),
      excludeRoles: list(users.excludeRoles),
    },
    builtInControls: list(grant.builtInControls),
    authenticationStrength: strength === null ? null : (text(strength.displayName) ?? text(strength.id) ?? "authentication strength"),
  };
}
