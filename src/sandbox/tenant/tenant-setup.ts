/**
 * How the simulated tenant is configured beyond its people: what the app registration was granted,
 * the licence, how MFA is enforced, and the bot's own credentials. `doctor` reads all of it; a
 * scenario (doctor-scenarios.ts) changes one thing at a time. Tests may change it while the server runs.
 */
export interface TenantSetup {
  /** Application permissions granted to the app calling Graph; a call needing another answers 403. */
  grantedPermissions: Set<string>;
  /** Entra ID P1/P2: without it the registration report answers 403. */
  premiumLicence: boolean;
  /**
   * Whether the sign-in log answers; it needs P1/P2 too, and is false whenever premiumLicence is.
   * Apart from it so a scenario can refuse the log alone and show that the rest of the bot carries on.
   */
  signInLogLicence: boolean;
  securityDefaultsEnabled: boolean;
  /** conditionalAccessPolicy objects, in Graph's JSON shape, served as they are. */
  conditionalAccessPolicies: Record<string, unknown>[];
  /** registrationEnforcement.authenticationMethodsRegistrationCampaign.state. */
  registrationCampaignState: "default" | "enabled" | "disabled";
  /** Groups beyond the three the bot is configured with, such as the emergency-access group the policies exclude. */
  extraGroups: Map<string, { displayName: string; members: string[] }>;
  /** The bot's app registration, as the sign-in endpoint knows it. */
  bot: { appId: string; secret: string };
}

/** Every permission the README's table names, Policy.Read.All (optional) included. */
export const ALL_PERMISSIONS = [
  "AuditLog.Read.All",
  "User.Read.All",
  "GroupMember.Read.All",
  "UserAuthenticationMethod.Read.All",
  "TeamsAppInstallation.ReadWriteSelfForUser.All",
  "AppCatalog.Read.All",
  "Policy.Read.All",
] as const;
