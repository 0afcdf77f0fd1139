import { GraphError } from "./graph-error.js";

interface Requirement {
  readonly method?: "GET" | "POST";
  /** Matched against the path after /v1.0. */
  readonly path: RegExp;
  /** Application permissions any one of which allows the call, least privileged first (each API page's table). */
  readonly anyOf: readonly string[];
  /** How this family of Graph refuses a token without them. */
  readonly refusal: "directory" | "teams" | "reports";
}

const REQUIREMENTS: readonly Requirement[] = [
  { path: /^\/reports\/authenticationMethods\//, anyOf: ["AuditLog.Read.All"], refusal: "reports" },
  {
    path: /^\/users\/[^/]+\/authentication\/methods/,
    anyOf: ["UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All"],
    refusal: "directory",
  },
  {
    method: "POST",
    path: /^\/users\/[^/]+\/teamwork\/installedApps$/,
    anyOf: ["TeamsAppInstallation.ReadWriteSelfForUser.All", "TeamsAppInstallation.ReadWriteForUser.All"],
    refusal: "teams",
  },
  {
    path: /^\/users\/[^/]+\/teamwork\/installedApps/,
    anyOf: [
      "TeamsAppInstallation.ReadForUser.All",
      "TeamsAppInstallation.ReadWriteSelfForUser.All",
      "TeamsAppInstallation.ReadWriteForUser.All",
    ],
    refusal: "teams",
  },
  { path: /^\/appCatalogs\/teamsApps/, anyOf: ["AppCatalog.Read.All", "AppCatalog.ReadWrite.All"], refusal: "teams" },
  {
    path: /^\/groups\/[^/]+\/(transitiveMembers|members)/,
    anyOf: ["GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"],
    refusal: "directory",
  },
  { path: /^\/users(\/|$)/, anyOf: ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All"], refusal: "directory" },
];

/**
 * Refuses a call the granted application permissions do not allow, in the words of the Graph
 * family that serves it: directory calls answer Authorization_RequestDenied, Teams calls answer
 * Forbidden "Missing role permissions on the request. API requires one of '…'. Roles on the
 * request '…'." (as apps calling Teams' Graph APIs without the role log it), and the identity reports
 * Authentication_MSGraphPermissionMissing. `granted` undefined means every permission is granted.
 */
export function checkPermission(method: string, path: string, granted: ReadonlySet<string> | undefined): void {
  if (granted === undefined) return;
  const requirement = REQUIREMENTS.find((r) => (r.method === undefined || r.method === method) && r.path.test(path));
  if (requirement === undefined || requirement.anyOf.some((name) => granted.has(name))) return;
  switch (requirement.refusal) {
    case "directory":
      throw new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    case "reports":
      throw new GraphError(
        403,
        "Authentication_MSGraphPermissionMissing",
        `Calling principal does not have required MSGraph permissions ${requirement.anyOf.join(", ")}`,
      );
    case "teams":
      throw new GraphError(
        403,
        "Forbidden",
        `Missing role permissions on the request. API requires one of '${requirement.anyOf.join(", ")}'. ` +
          `Roles on the request '${[...granted].join(", ")}'.`,
        {},
        "AccessDenied",
      );
  }
}
