import { collectPage } from "./collect-page.js";
import { compileODataFilter } from "./compile-odata-filter.js";
import { resourceNotFound } from "./graph-error.js";
import { linkTo, METADATA_URL, type GraphRoute } from "./graph-route.js";
import { cursorOf, decodePageToken, encodePageToken, parseTop } from "./odata-paging.js";
import { parseSelect } from "./odata-select.js";
import { asDirectoryObject, toGraphUser, USER_FILTERABLE, USER_PROPERTIES, type GraphUser } from "./to-graph-user.js";

/**
 * GET /groups/{id}/transitiveMembers (and its `/microsoft.graph.user` cast). The simulated groups
 * hold users only and no nested groups, so transitive and direct membership coincide.
 */
export const groupMembersRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/groups\/([^/]+)\/(transitiveMembers|members)(\/microsoft\.graph\.user)?$/,
  queryOptions: ["$select", "$top", "$skiptoken", "$filter", "$count"],
  handle(request, environment) {
    const { query } = request;
    const groupId = (request.params[0] ?? "").toLowerCase();
    const memberIds = environment.tenant.groupMembers.get(groupId) ?? environment.setup.extraGroups.get(groupId)?.members;
    if (memberIds === undefined) throw resourceNotFound(request.params[0] ?? "");
    const select = parseSelect(query.$select, USER_PROPERTIES, "microsoft.graph.user");
    const filter = query.$filter === undefined ? undefined : compileODataFilter(query.$filter, USER_FILTERABLE);
    const top = parseTop(query.$top);
    const start = query.$skiptoken === undefined ? 0 : cursorOf(decodePageToken(`group:${groupId}`, query.$skiptoken));
    const accept = (id: string): GraphUser | undefined => {
      const user = environment.tenant.userById(id);
      if (user === undefined || (filter !== undefined && !filter(toGraphUser(user)))) return undefined;
      return asDirectoryObject(user, select);
    };
    const page = collectPage(memberIds, start, top, accept);
    const body: Record<string, unknown> = { "@odata.context": `${METADATA_URL}#directoryObjects` };
    if (query.$count === "true") body["@odata.count"] = memberIds.filter((id) => accept(id) !== undefined).length;
    if (page.next !== undefined) {
      const token = encodePageToken(`group:${groupId}`, { i: page.next });
      body["@odata.nextLink"] = linkTo(environment, request.path, query, { $skiptoken: token });
    }
    body.value = page.rows;
    return { status: 200, body };
  },
};
