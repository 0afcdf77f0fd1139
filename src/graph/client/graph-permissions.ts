/**
 * The Microsoft Graph application permissions mfa-nudge needs, each tied to the calls that need it.
 * Used to turn a 403 into "grant X", and kept in step with the README's permission table.
 */
export interface GraphPermission {
  readonly name: string;
  /** Matches the request path after /v1.0. */
  readonly paths: RegExp;
  readonly why: string;
}

export const graphPermissions: readonly GraphPermission[] = [
  {
    name: "AuditLog.Read.All",
    paths: /^\/reports\/authenticationMethods\//,
    why: "read the User registration details report: who has registered which methods",
  },
  {
    name: "AuditLog.Read.All",
    paths: /^\/auditLogs\/signIns/,
    why: "read the sign-in log: who Entra ID stopped at sign-in to register a second method",
  },
  {
    name: "User.Read.All",
    paths: /^\/users(\/delta)?(\?|$)|^\/users\/[^/]+(\/manager)?(\?|$)/,
    why: "read people's names, departments, managers, languages and whether their account is enabled",
  },
  {
    name: "GroupMember.Read.All",
    paths: /^\/groups\/[^/]+\/(transitiveMembers|members)/,
    why: "read the members of the campaign's pilot, exclusion and admin groups",
  },
  {
    name: "UserAuthenticationMethod.Read.All",
    paths: /^\/users\/[^/]+\/authentication\/methods/,
    why: 'check one person live when they press "I\'ve done it" (the report lags by hours)',
  },
  {
    name: "TeamsAppInstallation.ReadWriteSelfForUser.All",
    paths: /^\/users\/[^/]+\/teamwork\/installedApps/,
    why: "install this bot (and only this bot) for a person so it can message them",
  },
  {
    name: "AppCatalog.Read.All",
    paths: /^\/appCatalogs\/teamsApps/,
    why: "look up the bot's app id in your organisation's Teams app catalog, unless TEAMS_CATALOG_APP_ID is set",
  },
];

export function permissionForPath(path: string): GraphPermission | undefined {
  return graphPermissions.find((p) => p.paths.test(path));
}
