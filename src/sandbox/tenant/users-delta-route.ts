import { collectPage } from "./collect-page.js";
import { badRequest } from "./graph-error.js";
import { linkTo, METADATA_URL, type GraphEnvironment, type GraphRoute } from "./graph-route.js";
import { cursorOf, decodePageToken, DEFAULT_PAGE_SIZE, encodePageToken, parseMaxPageSize } from "./odata-paging.js";
import { parseSelect } from "./odata-select.js";
import type { SimulatedUser } from "./simulated-user.js";
import { DEFAULT_USER_PROPERTIES, toGraphUser, USER_PROPERTIES, type GraphUser } from "./to-graph-user.js";

const DELTA_PROPERTIES: ReadonlySet<string> = new Set([...USER_PROPERTIES, "manager"]);

/**
 * GET /users/delta. The first round pages through every user ($skiptoken links carry the $select),
 * and the last page hands out a deltaLink. Incremental changes are NOT simulated: following a
 * deltaLink always answers an empty page and a fresh deltaLink, so a client's incremental path runs
 * but never sees a change; tests that need changes resync from scratch.
 */
export const usersDeltaRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users\/delta(?:\(\))?$/,
  queryOptions: ["$select", "$skiptoken", "$deltatoken"],
  handle(request, environment) {
    const { query, headers } = request;
    const prefer = Array.isArray(headers.prefer) ? headers.prefer.join(",") : headers.prefer;
    const requested = parseMaxPageSize(prefer);
    const size = requested ?? DEFAULT_PAGE_SIZE;
    const replyHeaders: Record<string, string> = requested === undefined ? {} : { "preference-applied": `odata.maxpagesize=${size}` };
    let select: string[] | undefined;
    let start = 0;
    if (query.$deltatoken !== undefined) {
      select = selectIn(decodePageToken("delta", query.$deltatoken, "$deltatoken"));
      const body = { "@odata.context": contextOf(select), value: [], "@odata.deltaLink": deltaLink(environment, select) };
      return { status: 200, body, headers: replyHeaders };
    }
    if (query.$skiptoken !== undefined) {
      const state = decodePageToken("delta", query.$skiptoken);
      start = cursorOf(state);
      select = selectIn(state);
    } else {
      select = parseSelect(query.$select, DELTA_PROPERTIES, "microsoft.graph.user");
    }
    const properties = (select ?? DEFAULT_USER_PROPERTIES).filter((name) => name !== "manager" && name !== "id");
    const tracksManager = select?.includes("manager") ?? false;
    const toRow = (user: SimulatedUser): GraphUser => {
      const full = toGraphUser(user);
      // Delta always returns the id, whatever was selected.
      const row: GraphUser = { id: user.id };
      for (const name of properties) row[name] = full[name];
      if (tracksManager && user.managerId !== null) {
        row["manager@delta"] = [{ "@odata.type": "#microsoft.graph.user", id: user.managerId }];
      }
      return row;
    };
    const page = collectPage(environment.tenant.users, start, size, toRow);
    const body: Record<string, unknown> = { "@odata.context": contextOf(select) };
    if (page.next !== undefined) {
      body["@odata.nextLink"] = linkTo(
        environment,
        "/users/delta",
        {},
        { $skiptoken: encodePageToken("delta", { i: page.next, s: select ?? null }) },
      );
      body.value = page.rows;
    } else {
      body.value = page.rows;
      body["@odata.deltaLink"] = deltaLink(environment, select);
    }
    return { status: 200, body, headers: replyHeaders };
  },
};

function contextOf(select: readonly string[] | undefined): string {
  return `${METADATA_URL}#users${select ? `(${select.join(",")})` : ""}`;
}

function deltaLink(environment: GraphEnvironment, select: readonly string[] | undefined): string {
  const token = encodePageToken("delta", { i: 0, s: select ?? null, t: environment.clock.now() });
  return linkTo(environment, "/users/delta", {}, { $deltatoken: token });
}

/** The $select a token remembers; a token naming unknown properties was not made here. */
function selectIn(state: Record<string, unknown>): string[] | undefined {
  if (state.s === null || state.s === undefined) return undefined;
  if (!Array.isArray(state.s) || !state.s.every((name) => typeof name === "string" && DELTA_PROPERTIES.has(name))) {
    throw badRequest("Invalid token value for this request.");
  }
  return state.s as string[];
}
