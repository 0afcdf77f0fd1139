import { METADATA_URL, type GraphRoute } from "./graph-route.js";

/** GET /policies/identitySecurityDefaultsEnforcementPolicy (learn.microsoft.com, its v1.0 "Get" example). */
export const securityDefaultsRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/policies\/identitySecurityDefaultsEnforcementPolicy$/,
  queryOptions: ["$select"],
  handle(_request, environment) {
    return {
      status: 200,
      body: {
        "@odata.context": `${METADATA_URL}#policies/identitySecurityDefaultsEnforcementPolicy/$entity`,
        id: "00000000-0000-0000-0000-000000000005",
        displayName: "Security Defaults",
        description:
          "Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these " +
          "recommendations will be automatically enforced in your organization.",
        isEnabled: environment.setup.securityDefaultsEnabled,
      },
    };
  },
};

/** GET /identity/conditionalAccess/policies: every policy on one page, as a small tenant has them. */
export const conditionalAccessPoliciesRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/identity\/conditionalAccess\/policies$/,
  queryOptions: [],
  handle(_request, environment) {
    return {
      status: 200,
      body: { "@odata.context": `${METADATA_URL}#identity/conditionalAccess/policies`, value: environment.setup.conditionalAccessPolicies },
    };
  },
};

/** GET /policies/authenticationMethodsPolicy, shortened to what the docs' v1.0 example shows first. */
export const authenticationMethodsPolicyRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/policies\/authenticationMethodsPolicy$/,
  queryOptions: [],
  handle(_request, environment) {
    return {
      status: 200,
      body: {
        "@odata.context": `${METADATA_URL}#authenticationMethodsPolicy`,
        id: "authenticationMethodsPolicy",
        displayName: "Authentication Methods Policy",
        description:
          "The tenant-wide policy that controls which authentication methods are allowed in the tenant, authentication method " +
          "registration requirements, and self-service password reset settings",
        lastModifiedDateTime: "2024-11-04T09:12:44.5011393Z",
        policyVersion: "1.5",
        registrationEnforcement: {
          authenticationMethodsRegistrationCampaign: {
            snoozeDurationInDays: 1,
            state: environment.setup.registrationCampaignState,
            excludeTargets: [],
            includeTargets: [{ id: "all_users", targetType: "group", targetedAuthenticationMethod: "microsoftAuthenticator" }],
          },
        },
        authenticationMethodConfigurations: [],
      },
    };
  },
};
