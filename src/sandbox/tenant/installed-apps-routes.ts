import { compileODataFilter, type FilterableProperties } from "./compile-odata-filter.js";
import { badRequest, GraphError, resourceNotFound } from "./graph-error.js";
import { METADATA_URL, type GraphEnvironment, type GraphRequest, type GraphRoute } from "./graph-route.js";
import { applySelect, parseSelect } from "./odata-select.js";
import type { SimulatedUser } from "./simulated-user.js";
import { parseInstallationId, toInstallation, toOneOnOneChat } from "./teams-app-resources.js";

const NAVIGATION = ["teamsApp", "teamsAppDefinition"] as const;
const FILTERABLE: FilterableProperties = {
  scalars: new Set(["id", "teamsApp/id", "teamsApp/externalId", "teamsApp/displayName", "teamsAppDefinition/teamsAppId"]),
};

function userOf(request: GraphRequest, environment: GraphEnvironment): SimulatedUser {
  const key = request.params[0] ?? "";
  const user = environment.tenant.findUser(key);
  if (user === undefined) throw resourceNotFound(key);
  return user;
}

/** The installation named in the path, if it is the bot's app and installed for this user. */
function installedFor(request: GraphRequest, environment: GraphEnvironment): SimulatedUser {
  const user = userOf(request, environment);
  const installationId = request.params[1] ?? "";
  const parsed = parseInstallationId(installationId);
  const ours = parsed?.userId === user.id && parsed.teamsAppId === environment.tenant.teamsApp.id;
  if (!ours || !user.teamsAppInstalled) throw new GraphError(404, "NotFound", `The installation '${installationId}' was not found.`);
  return user;
}

/**
 * POST /users/{id}/teamwork/installedApps: 201 with no body (docs example in shared/oracles), 409 when
 * installed, 404 when the catalog has no such app, and 403 when an app permission policy blocks it,
 * worded as Graph words it (Forbidden over AccessDenied, as Company Communicator's logs show it:
 * github.com/OfficeDev/microsoft-teams-apps-company-communicator/issues/1537).
 */
export const installAppRoute: GraphRoute = {
  method: "POST",
  pattern: /^\/users\/([^/]+)\/teamwork\/installedApps$/,
  queryOptions: [],
  handle(request, environment) {
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      throw badRequest("Invalid request body: it must be a JSON object with 'teamsApp@odata.bind'.");
    }
    const bind = body !== null && typeof body === "object" ? (body as Record<string, unknown>)["teamsApp@odata.bind"] : undefined;
    const appId = typeof bind === "string" ? /\/appCatalogs\/teamsApps\/([^/?#\s]+)\s*$/.exec(bind)?.[1] : undefined;
    if (appId === undefined) {
      throw badRequest("Invalid request body: 'teamsApp@odata.bind' must be https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}.");
    }
    const user = userOf(request, environment);
    const { tenant } = environment;
    if (!tenant.teamsAppInCatalog || appId.toLowerCase() !== tenant.teamsApp.id.toLowerCase()) {
      throw new GraphError(404, "NotFound", `The app '${appId}' was not found in the app catalog.`);
    }
    const outcome = tenant.installTeamsApp(user.id, environment.clock.now());
    if (outcome === "blocked") {
      const message =
        `App is blocked by app permission policy. TenantId: ${tenant.tenantId}, UserObjectId: ${user.id}, ` +
        `AppId: ${tenant.teamsApp.id}, AppType: Private`;
      throw new GraphError(403, "Forbidden", message, {}, "AccessDenied");
    }
    if (outcome === "alreadyInstalled") throw new GraphError(409, "Conflict", "The app is already installed for this user.");
    if (outcome === "userNotFound") throw resourceNotFound(user.id);
    return { status: 201 };
  },
};

/** GET /users/{id}/teamwork/installedApps with $expand=teamsApp and $filter=teamsApp/id eq '...'. */
export const listInstalledAppsRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users\/([^/]+)\/teamwork\/installedApps$/,
  queryOptions: ["$expand", "$filter", "$select"],
  handle(request, environment) {
    const user = userOf(request, environment);
    const { query } = request;
    const expand = parseExpand(query.$expand);
    const select = parseSelect(query.$select, new Set(["id", ...NAVIGATION]), "microsoft.graph.userScopeTeamsAppInstallation");
    const filter = query.$filter === undefined ? undefined : compileODataFilter(query.$filter, FILTERABLE);
    const installations = user.teamsAppInstalled ? [toInstallation(environment.tenant, user)] : [];
    const value = installations
      .filter((row) => filter === undefined || filter(row))
      .map((row) => applySelect(withoutUnexpanded(row, expand), select));
    return { status: 200, body: { "@odata.context": `${METADATA_URL}#users('${user.id}')/teamwork/installedApps`, value } };
  },
};

/** GET /users/{id}/teamwork/installedApps/{installationId}. */
export const getInstalledAppRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)$/,
  queryOptions: ["$expand"],
  handle(request, environment) {
    const user = installedFor(request, environment);
    const row = withoutUnexpanded(toInstallation(environment.tenant, user), parseExpand(request.query.$expand));
    return { status: 200, body: { "@odata.context": `${METADATA_URL}#users('${user.id}')/teamwork/installedApps/$entity`, ...row } };
  },
};

/**
 * GET /users/{id}/teamwork/installedApps/{installationId}/chat: the bot's 1:1 chat with the user
 * (learn.microsoft.com/graph/api/userscopeteamsappinstallation-get-chat). Teams opens that chat a
 * little after the install, so until then there is no chat to return.
 */
export const installedAppChatRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/,
  queryOptions: [],
  handle(request, environment) {
    const user = installedFor(request, environment);
    if (!environment.tenant.isChatOpen(user.id, environment.clock.now())) {
      throw new GraphError(404, "NotFound", `The chat for installation '${request.params[1] ?? ""}' does not exist yet.`);
    }
    return { status: 200, body: { "@odata.context": `${METADATA_URL}#chats/$entity`, ...toOneOnOneChat(environment.tenant, user) } };
  },
};

function parseExpand(raw: string | undefined): Set<string> {
  const names = (raw ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  for (const name of names) {
    if (!(NAVIGATION as readonly string[]).includes(name)) {
      throw badRequest(
        `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type ` +
          `'microsoft.graph.userScopeTeamsAppInstallation'.`,
      );
    }
  }
  return new Set(names);
}

function withoutUnexpanded(row: Record<string, unknown>, expand: ReadonlySet<string>): Record<string, unknown> {
  const out = { ...row };
  for (const name of NAVIGATION) if (!expand.has(name)) delete out[name];
  return out;
}
