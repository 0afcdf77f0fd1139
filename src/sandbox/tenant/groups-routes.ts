import { collectPage } from "./collect-page.js";
import { resourceNotFound } from "./graph-error.js";
import { linkTo, METADATA_URL, type GraphEnvironment, type GraphRoute } from "./graph-route.js";
import { cursorOf, decodePageToken, encodePageToken, parseTop } from "./odata-paging.js";
import { applySelect, parseSelect } from "./odata-select.js";

const PROPERTIES = new Set(["id", "displayName", "description", "mailEnabled", "securityEnabled", "groupTypes"]);

/** Every group the tenant has: the three the bot is configured with, then the setup's own (emergency access). */
export function tenantGroups(environment: GraphEnvironment): { id: string; displayName: string; members: readonly string[] }[] {
  const { tenant, setup } = environment;
  const named: [string, string][] = [
    [tenant.groups.pilot, "MFA pilot"],
    [tenant.groups.serviceAccounts, "Service accounts"],
    [tenant.groups.botAdmins, "MFA Nudge admins"],
  ];
  return [
    ...named.map(([id, displayName]) => ({ id, displayName, members: tenant.groupMembers.get(id.toLowerCase()) ?? [] })),
    ...[...setup.extraGroups].map(([id, group]) => ({ id, ...group })),
  ];
}

function toGroup(group: { id: string; displayName: string }): Record<string, unknown> {
  return { id: group.id, displayName: group.displayName, description: null, mailEnabled: false, securityEnabled: true, groupTypes: [] };
}

/** GET /groups with $top, $select and $skiptoken paging. */
export const listGroupsRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/groups$/,
  queryOptions: ["$top", "$select", "$skiptoken"],
  handle(request, environment) {
    const { query } = request;
    const select = parseSelect(query.$select, PROPERTIES, "microsoft.graph.group");
    const start = query.$skiptoken === undefined ? 0 : cursorOf(decodePageToken("groups", query.$skiptoken));
    const page = collectPage(tenantGroups(environment), start, parseTop(query.$top), (group) => applySelect(toGroup(group), select));
    const body: Record<string, unknown> = { "@odata.context": `${METADATA_URL}#groups` };
    if (page.next !== undefined)
      body["@odata.nextLink"] = linkTo(environment, "/groups", query, { $skiptoken: encodePageToken("groups", { i: page.next }) });
    body.value = page.rows;
    return { status: 200, body };
  },
};

/** GET /groups/{id}. */
export const getGroupRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/groups\/([^/]+)$/,
  queryOptions: ["$select"],
  handle(request, environment) {
    const key = (request.params[0] ?? "").toLowerCase();
    const group = tenantGroups(environment).find((g) => g.id.toLowerCase() === key);
    if (group === undefined) throw resourceNotFound(request.params[0] ?? "");
    const select = parseSelect(request.query.$select, PROPERTIES, "microsoft.graph.group");
    return { status: 200, body: { "@odata.context": `${METADATA_URL}#groups/$entity`, ...applySelect(toGroup(group), select) } };
  },
};

/** GET /users/{id}/transitiveMemberOf: the groups holding the user, all on one page (the simulated groups do not nest). */
export const userMemberOfRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users\/([^/]+)\/transitiveMemberOf$/,
  queryOptions: ["$select"],
  handle(request, environment) {
    const key = request.params[0] ?? "";
    const user = environment.tenant.findUser(key);
    if (user === undefined) throw resourceNotFound(key);
    const select = parseSelect(request.query.$select, PROPERTIES, "microsoft.graph.group");
    const value = tenantGroups(environment)
      .filter((group) => group.members.includes(user.id))
      .map((group) => ({ "@odata.type": "#microsoft.graph.group", ...applySelect(toGroup(group), select) }));
    return { status: 200, body: { "@odata.context": `${METADATA_URL}#directoryObjects`, value } };
  },
};
