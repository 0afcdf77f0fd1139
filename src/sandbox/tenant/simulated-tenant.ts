import { stableGuid } from "./seeded-random.js";
import type { SimulatedUser } from "./simulated-user.js";
import { SIGN_IN_APPS, type SignInEvent } from "./sign-in-event.js";

/** The group ids the bot is configured with; members live in SimulatedTenant.groupMembers. */
export interface TenantGroups {
  /** People in the first wave of the rollout. */
  pilot: string;
  serviceAccounts: string;
  /** People allowed to use the bot's admin commands. */
  botAdmins: string;
}

/** The bot's Teams app as the tenant's app catalog knows it (microsoft.graph.teamsApp). */
export interface TeamsAppInfo {
  /** The catalog id that `teamsApp@odata.bind` and `$filter=teamsApp/id eq` use. */
  id: string;
  /** The app manifest id. */
  externalId: string;
  displayName: string;
  distributionMethod: "store" | "organization" | "sideloaded";
}

export interface SimulatedTenantInit {
  domain: string;
  /** The moment the tenant (and its registration report) was generated, ms since the epoch. */
  generatedAtMs: number;
  users: SimulatedUser[];
  /** Rows that only the registration report still lists: users deleted since it was computed. */
  deletedUsers?: SimulatedUser[];
  groups: TenantGroups;
  /** Member user ids per group id. */
  groupMembers: Record<string, string[]>;
  teamsApp: TeamsAppInfo;
  /** The bot's app id, which appears in the 1:1 chat id. */
  botAppId: string;
  /** The directory (tenant) id; default a stable GUID from the domain. */
  tenantId?: string;
}

export type TeamsInstallOutcome = "installed" | "alreadyInstalled" | "blocked" | "userNotFound";

/**
 * The in-memory directory. Lookups go through maps because the Graph server answers per-user calls
 * against 100,000 users; the arrays keep Graph's listing order.
 */
export class SimulatedTenant {
  readonly domain: string;
  readonly tenantId: string;
  /** The `<name>.onmicrosoft.com` domain guests' UPNs live under. */
  readonly initialDomain: string;
  readonly generatedAtMs: number;
  /** Directory users in the order GET /users lists them. */
  readonly users: readonly SimulatedUser[];
  readonly deletedUsers: readonly SimulatedUser[];
  readonly groups: TenantGroups;
  readonly groupMembers: ReadonlyMap<string, readonly string[]>;
  readonly teamsApp: TeamsAppInfo;
  readonly botAppId: string;
  /** Whether an admin has uploaded the bot's app to the organisation's catalog (else installs answer 404). */
  teamsAppInCatalog = true;
  /**
   * How long after an install Teams takes to open the bot's chat with the person. Until then the
   * Bot Connector refuses to create the conversation (403) and Graph has no chat for the
   * installation: Teams sets the chat up asynchronously, and announces it to the bot with a
   * conversationUpdate (msteams-docs, "Send proactive installation messages").
   */
  chatOpensAfterMs = 3000;
  /** The sign-in log, oldest first; empty until a scenario or the demo writes to it (recordSignIn). */
  readonly signInLog: SignInEvent[] = [];
  private readonly byId = new Map<string, SimulatedUser>();
  private readonly byUpn = new Map<string, SimulatedUser>();
  private readonly deletedById = new Map<string, SimulatedUser>();
  private reportOrder: SimulatedUser[] | undefined;

  constructor(init: SimulatedTenantInit) {
    this.domain = init.domain;
    this.tenantId = init.tenantId ?? stableGuid("tenant", init.domain);
    this.initialDomain = `${init.domain.split(".")[0] ?? init.domain}.onmicrosoft.com`;
    this.generatedAtMs = init.generatedAtMs;
    this.users = init.users;
    this.deletedUsers = init.deletedUsers ?? [];
    this.groups = init.groups;
    this.groupMembers = new Map(Object.entries(init.groupMembers).map(([id, members]) => [id.toLowerCase(), members]));
    this.teamsApp = init.teamsApp;
    this.botAppId = init.botAppId;
    for (const user of this.users) {
      if (this.byId.has(user.id)) throw new Error(`duplicate user id ${user.id}`);
      this.byId.set(user.id, user);
      this.byUpn.set(user.userPrincipalName.toLowerCase(), user);
    }
    for (const user of this.deletedUsers) this.deletedById.set(user.id, user);
  }

  userById(id: string): SimulatedUser | undefined {
    return this.byId.get(id.toLowerCase()) ?? this.byId.get(id);
  }

  /** UPNs compare case-insensitively, as in Entra ID. */
  userByUpn(userPrincipalName: string): SimulatedUser | undefined {
    return this.byUpn.get(userPrincipalName.toLowerCase());
  }

  /** Graph's `/users/{id | userPrincipalName}` key. */
  findUser(idOrUpn: string): SimulatedUser | undefined {
    return this.userById(idOrUpn) ?? this.userByUpn(idOrUpn);
  }

  /** A report-only row (deleted from the directory), by id. */
  deletedUserById(id: string): SimulatedUser | undefined {
    return this.deletedById.get(id.toLowerCase());
  }

  /** Every user the report may list, directory and deleted alike, by UPN like the docs example. */
  reportCandidates(): readonly SimulatedUser[] {
    this.reportOrder ??= [...this.users, ...this.deletedUsers].sort((a, b) =>
      compareText(a.userPrincipalName.toLowerCase(), b.userPrincipalName.toLowerCase()),
    );
    return this.reportOrder;
  }

  /**
   * Adds `methods` to the user's live methods at `atMs`. /authentication/methods shows them at
   * once; the report only after its lag (see reportView).
   */
  /**
   * Writes a sign-in to the log: `errorCode` 0 for success, 50072 or 50079 when Entra stopped the
   * person to register a second factor. `app` is an index into SIGN_IN_APPS or a display name.
   */
  recordSignIn(userId: string, atMs: number, errorCode: number, app: number | string = 0): SignInEvent {
    const known = typeof app === "number" ? SIGN_IN_APPS[app % SIGN_IN_APPS.length] : undefined;
    const event: SignInEvent = {
      id: stableGuid("sign-in", userId, String(atMs), String(this.signInLog.length)),
      createdDateTime: new Date(atMs).toISOString(),
      userId,
      appId: known?.appId ?? stableGuid("app", String(app)),
      appDisplayName: known?.appDisplayName ?? String(app),
      errorCode,
    };
    this.signInLog.push(event);
    return event;
  }

  registerUser(id: string, methods: readonly string[], atMs: number): SimulatedUser {
    const user = this.userById(id);
    if (user === undefined) throw new Error(`no user with id ${id}`);
    const before = [...user.methodsRegistered];
    const after = [...before, ...methods.filter((method) => !before.includes(method))];
    user.registrationChanges.push({ atMs, before, after });
    user.methodsRegistered = after;
    return user;
  }

  /** Whether the bot can talk to this person at `atMs`: installed, and the chat opened since. */
  isChatOpen(id: string, atMs: number): boolean {
    const user = this.userById(id);
    if (user?.teamsAppInstalled !== true) return false;
    const installedAt = user.teamsAppInstalledDateTime === null ? -Infinity : Date.parse(user.teamsAppInstalledDateTime);
    return atMs >= installedAt + this.chatOpensAfterMs;
  }

  /** What POST /users/{id}/teamwork/installedApps does to the model. */
  installTeamsApp(id: string, atMs: number): TeamsInstallOutcome {
    const user = this.userById(id);
    if (user === undefined) return "userNotFound";
    if (user.teamsAppBlocked) return "blocked";
    if (user.teamsAppInstalled) return "alreadyInstalled";
    user.teamsAppInstalled = true;
    user.teamsAppInstalledDateTime = new Date(atMs).toISOString();
    return "installed";
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
