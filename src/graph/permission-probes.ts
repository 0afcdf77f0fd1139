import { findCatalogApp } from "./app-catalog.js";
import type { GraphClient } from "./client/graph-client.js";
import { readSecurityDefaults } from "./policies.js";

/**
 * For each Graph permission mfa-nudge uses, the cheapest documented read that needs it (learn.microsoft.com,
 * each API's permissions table), so `doctor` can tell a granted permission from a missing one by asking.
 * Every probe reads at most one row and changes nothing.
 */
export interface PermissionProbe {
  readonly permission: string;
  /** Optional permissions only widen what doctor can check; the bot works without them. */
  readonly optional: boolean;
  /** What the probe cannot run without: a user id to ask about, or the manifest id to look up. */
  readonly needs?: "userId" | "manifestId";
  /** The request, for the person reading the result, e.g. "GET /groups?$top=1". */
  describe(subject: ProbeSubject): string;
  /** Resolves with what Graph answered (the catalog app, whether security defaults are on, ...). */
  run(graph: GraphClient, subject: ProbeSubject): Promise<unknown>;
}

/** What some probes need: a user to ask about, and the app's manifest and catalog ids. */
export interface ProbeSubject {
  readonly userId: string | undefined;
  readonly manifestId: string | undefined;
  readonly catalogAppId: string | undefined;
}

const get =
  (path: (s: ProbeSubject) => string, headers: Record<string, string> = {}) =>
  (graph: GraphClient, subject: ProbeSubject) =>
    graph.get(path(subject), headers);

const registrationReport = "/reports/authenticationMethods/userRegistrationDetails?$top=1";
const usersDelta = "/users/delta?$select=id";
const groups = "/groups?$top=1&$select=id";
const methods = (s: ProbeSubject) => `/users/${encodeURIComponent(s.userId ?? "")}/authentication/methods`;
const installedApps = (s: ProbeSubject) =>
  `/users/${encodeURIComponent(s.userId ?? "")}/teamwork/installedApps?$expand=teamsApp` +
  (s.catalogAppId ? `&$filter=${encodeURIComponent(`teamsApp/id eq '${s.catalogAppId}'`)}` : "");
const catalog = (s: ProbeSubject) => `/appCatalogs/teamsApps?$filter=externalId eq '${s.manifestId ?? ""}'`;
const securityDefaults = "/policies/identitySecurityDefaultsEnforcementPolicy";

export const permissionProbes: readonly PermissionProbe[] = [
  // The report's only permission; the same call tells whether the tenant has Entra ID P1/P2.
  { permission: "AuditLog.Read.All", optional: false, describe: () => `GET ${registrationReport}`, run: get(() => registrationReport) },
  // /users answers User.ReadBasic.All too (leaving department and manager empty); delta needs User.Read.All.
  {
    permission: "User.Read.All",
    optional: false,
    describe: () => `GET ${usersDelta}`,
    run: get(() => usersDelta, { Prefer: "odata.maxpagesize=1" }),
  },
  { permission: "GroupMember.Read.All", optional: false, describe: () => `GET ${groups}`, run: get(() => groups) },
  {
    permission: "UserAuthenticationMethod.Read.All",
    optional: false,
    needs: "userId",
    describe: (s) => `GET ${methods(s)}`,
    run: get(methods),
  },
  // Listing needs TeamsAppInstallation.ReadSelfForUser.All at least; installing, the ReadWrite one we hold.
  {
    permission: "TeamsAppInstallation.ReadWriteSelfForUser.All",
    optional: false,
    needs: "userId",
    describe: (s) => `GET ${decodeURIComponent(installedApps(s))}`,
    run: get(installedApps),
  },
  // The catalog lookup itself: its answer is also the Teams app check's fact.
  {
    permission: "AppCatalog.Read.All",
    optional: false,
    needs: "manifestId",
    describe: (s) => `GET ${catalog(s)}`,
    run: (graph, s) => findCatalogApp(graph, s.manifestId ?? ""),
  },
  // Security defaults' state itself: the first of the enforcement checks' facts.
  { permission: "Policy.Read.All", optional: true, describe: () => `GET ${securityDefaults}`, run: (graph) => readSecurityDefaults(graph) },
];
