import { collectPage } from "./collect-page.js";
import { compileODataFilter } from "./compile-odata-filter.js";
import { EXPANDED_PAGE_LIMIT, parseManagerExpansion, withManager } from "./expand-manager.js";
import { resourceNotFound } from "./graph-error.js";
import { linkTo, METADATA_URL, type GraphEnvironment, type GraphRoute } from "./graph-route.js";
import { cursorOf, decodePageToken, encodePageToken, parseTop } from "./odata-paging.js";
import { parseSelect } from "./odata-select.js";
import type { SimulatedUser } from "./simulated-user.js";
import { asDirectoryObject, pickUserProperties, toGraphUser, USER_FILTERABLE, USER_PROPERTIES, type GraphUser } from "./to-graph-user.js";

const TYPE = "microsoft.graph.user";

/** GET /users: $select, $filter, $top (capped at 100 with $expand=manager), $skiptoken paging. */
export const listUsersRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users$/,
  queryOptions: ["$select", "$filter", "$top", "$expand", "$skiptoken", "$count"],
  handle(request, environment) {
    const { query } = request;
    const { tenant } = environment;
    const select = parseSelect(query.$select, USER_PROPERTIES, TYPE);
    const filter = query.$filter === undefined ? undefined : compileODataFilter(query.$filter, USER_FILTERABLE);
    const expansion = parseManagerExpansion(query.$expand);
    const top = parseTop(query.$top);
    // Graph silently clamps, rather than rejects, a larger $top when the manager is expanded.
    const size = expansion === undefined ? top : Math.min(top, EXPANDED_PAGE_LIMIT);
    const start = query.$skiptoken === undefined ? 0 : cursorOf(decodePageToken("users", query.$skiptoken));
    const accept = (user: SimulatedUser): GraphUser | undefined => {
      const full = toGraphUser(user);
      if (filter !== undefined && !filter(full)) return undefined;
      const row = pickUserProperties(full, select);
      return expansion === undefined ? row : withManager(row, user, tenant, expansion);
    };
    const page = collectPage(tenant.users, start, size, accept);
    const body: Record<string, unknown> = { "@odata.context": `${METADATA_URL}#users${select ? `(${select.join(",")})` : ""}` };
    if (query.$count === "true")
      body["@odata.count"] = tenant.users.filter((user) => filter === undefined || filter(toGraphUser(user))).length;
    if (page.next !== undefined) {
      body["@odata.nextLink"] = linkTo(environment, "/users", query, { $skiptoken: encodePageToken("users", { i: page.next }) });
    }
    body.value = page.rows;
    return { status: 200, body };
  },
};

function findUser(environment: GraphEnvironment, key: string): SimulatedUser {
  const user = environment.tenant.findUser(key);
  if (user === undefined) throw resourceNotFound(key);
  return user;
}

/** GET /users/{id | userPrincipalName}. */
export const getUserRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users\/([^/]+)$/,
  queryOptions: ["$select", "$expand"],
  handle(request, environment) {
    const user = findUser(environment, request.params[0] ?? "");
    const select = parseSelect(request.query.$select, USER_PROPERTIES, TYPE);
    const expansion = parseManagerExpansion(request.query.$expand);
    const row = pickUserProperties(toGraphUser(user), select);
    const body = expansion === undefined ? row : withManager(row, user, environment.tenant, expansion);
    return { status: 200, body: { "@odata.context": `${METADATA_URL}#users/$entity`, ...body } };
  },
};

/** GET /users/{id}/manager: a directoryObject; 404 when the user has none (the CEO, guests, ...). */
export const getManagerRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users\/([^/]+)\/manager$/,
  queryOptions: ["$select"],
  handle(request, environment) {
    const user = findUser(environment, request.params[0] ?? "");
    const select = parseSelect(request.query.$select, USER_PROPERTIES, TYPE);
    const manager = user.managerId === null ? undefined : environment.tenant.userById(user.managerId);
    if (manager === undefined) throw resourceNotFound("manager");
    return { status: 200, body: { "@odata.context": `${METADATA_URL}#directoryObjects/$entity`, ...asDirectoryObject(manager, select) } };
  },
};
