import { GraphError } from "./graph-error.js";
import type { TenantSetup } from "./tenant-setup.js";

/**
 * Which application permission each simulated resource needs, and how Graph says it is missing:
 * each service behind Graph words its 403 its own way. Sources: the API reference's permission
 * tables, and the bodies quoted in microsoftgraph/microsoft-graph-docs issues (#18225 for the
 * reports, "required scopes are missing" for Conditional Access, "Missing role permissions" for Teams).
 */
interface PermissionRule {
  readonly path: RegExp;
  /** Any one of these is enough. */
  readonly anyOf: readonly string[];
  refuse(granted: readonly string[]): GraphError;
}

const directory = () => new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
const teams = (needed: readonly string[]) => (granted: readonly string[]) =>
  new GraphError(
    403,
    "Forbidden",
    `Missing role permissions on the request. API requires one of '${needed.join(", ")}'. Roles on the request '${granted.join(", ")}'.`,
  );

const RULES: readonly PermissionRule[] = [
  {
    path: /^\/reports\//,
    anyOf: ["AuditLog.Read.All"],
    refuse: () =>
      new GraphError(
        403,
        "Authentication_MSGraphPermissionMissing",
        "Calling principal does not have required MSGraph permissions AuditLog.Read.All",
      ),
  },
  {
    path: /^\/users\/[^/]+\/authentication\//,
    anyOf: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
    refuse: () => new GraphError(403, "accessDenied", "Request Authorization failed"),
  },
  {
    path: /^\/users\/[^/]+\/teamwork\/installedApps/,
    anyOf: ["TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadWriteForUser.All"],
    refuse: teams(["TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadWriteForUser.All"]),
  },
  {
    path: /^\/appCatalogs\//,
    anyOf: ["AppCatalog.Read.All", "AppCatalog.ReadWrite.All"],
    refuse: teams(["AppCatalog.Read.All", "AppCatalog.ReadWrite.All"]),
  },
  // The sign-in log answers like the directory (microsoft-graph-docs, signin-list: AuditLog.Read.All).
  { path: /^\/auditLogs\//, anyOf: ["AuditLog.Read.All"], refuse: directory },
  { path: /^\/users(\/|$)/, anyOf: ["User.Read.All"], refuse: directory },
  { path: /^\/groups(\/|$)/, anyOf: ["GroupMember.Read.All"], refuse: directory },
  {
    path: /^\/identity\/conditionalAccess\//,
    anyOf: ["Policy.Read.All"],
    refuse: () =>
      new GraphError(403, "AccessDenied", "You cannot perform the requested operation, required scopes are missing in the token."),
  },
  { path: /^\/policies\/authenticationMethodsPolicy/, anyOf: ["Policy.Read.All", "Policy.Read.AuthenticationMethod"], refuse: directory },
  { path: /^\/policies\//, anyOf: ["Policy.Read.All"], refuse: directory },
];

/**
 * Throws Graph's own 403 when the setup lacks the permission `path` (after /v1.0) needs, or, for the
 * registration report and the sign-in log, the Entra ID P1/P2 licence.
 */
export function checkPermission(path: string, setup: TenantSetup): void {
  const rule = RULES.find((r) => r.path.test(path));
  if (rule !== undefined && !rule.anyOf.some((permission) => setup.grantedPermissions.has(permission))) {
    throw rule.refuse([...setup.grantedPermissions]);
  }
  const licensed = path.startsWith("/auditLogs/") ? setup.premiumLicence && setup.signInLogLicence : setup.premiumLicence;
  if ((path.startsWith("/reports/") || path.startsWith("/auditLogs/")) && !licensed) {
    throw new GraphError(
      403,
      "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
      "Neither tenant is B2C or tenant doesn't have premium license",
    );
  }
}
