import { collectPage } from "./collect-page.js";
import { badRequest, GraphError } from "./graph-error.js";
import { linkTo, METADATA_URL, type GraphEnvironment, type GraphRoute } from "./graph-route.js";
import { cursorOf, decodePageToken, DEFAULT_PAGE_SIZE, encodePageToken, parseMaxPageSize } from "./odata-paging.js";
import { parseSelect } from "./odata-select.js";
import type { DirectoryChange } from "./simulated-tenant.js";
import type { SimulatedUser } from "./simulated-user.js";
import { DEFAULT_USER_PROPERTIES, toGraphUser, USER_PROPERTIES, type GraphUser } from "./to-graph-user.js";

const DELTA_PROPERTIES: ReadonlySet<string> = new Set([...USER_PROPERTIES, "manager"]);

/**
 * GET /users/delta (learn.microsoft.com/graph/api/user-delta and /graph/delta-query-overview).
 * The first round pages through every user and its last page hands out a deltaLink. Following the
 * deltaLink answers the directory's changes since then, from the tenant's change log: a new user
 * with every selected property, a changed one with its id and the properties that changed (the
 * documented minimum), a removed one as `{ id, "@removed": { reason } }`, and a manager change as
 * `manager@delta`. Each round ends with a fresh deltaLink. A deltaLink older than the token
 * lifetime is refused with 410 Gone, syncStateNotFound: the client must read everything again.
 */
export const usersDeltaRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users\/delta(?:\(\))?$/,
  queryOptions: ["$select", "$skiptoken", "$deltatoken"],
  handle(request, environment) {
    const { query, headers } = request;
    const prefer = Array.isArray(headers.prefer) ? headers.prefer.join(",") : headers.prefer;
    const requested = parseMaxPageSize(prefer);
    const size = Math.min(requested ?? DEFAULT_PAGE_SIZE, environment.pageCap);
    const replyHeaders: Record<string, string> = requested === undefined ? {} : { "preference-applied": `odata.maxpagesize=${size}` };
    const tenant = environment.tenant;
    let round: Round;
    if (query.$deltatoken !== undefined) {
      const state = decodePageToken("delta", query.$deltatoken, "$deltatoken");
      refuseExpired(state, environment);
      // A change round: from the token's log position to where the log stands now.
      round = { select: selectIn(state), start: 0, from: positionOf(state, "q"), to: tenant.changeCount };
    } else if (query.$skiptoken !== undefined) {
      const state = decodePageToken("delta", query.$skiptoken);
      round = { select: selectIn(state), start: cursorOf(state), from: optionalPosition(state), to: positionOf(state, "to") };
    } else {
      round = {
        select: parseSelect(query.$select, DELTA_PROPERTIES, "microsoft.graph.user"),
        start: 0,
        from: undefined,
        to: tenant.changeCount,
      };
    }
    const properties = (round.select ?? DEFAULT_USER_PROPERTIES).filter((name) => name !== "manager" && name !== "id");
    const tracksManager = round.select?.includes("manager") ?? false;
    const page =
      round.from === undefined
        ? collectPage(tenant.users, round.start, size, (user) => fullRow(user, properties, tracksManager))
        : collectPage(mergeChanges(tenant.changesBetween(round.from, round.to)), round.start, size, (change) =>
            changeRow(change, environment, properties, tracksManager),
          );
    const body: Record<string, unknown> = { "@odata.context": contextOf(round.select) };
    if (page.next !== undefined) {
      const token = { i: page.next, s: round.select ?? null, to: round.to, ...(round.from === undefined ? {} : { q: round.from }) };
      body["@odata.nextLink"] = linkTo(environment, "/users/delta", {}, { $skiptoken: encodePageToken("delta", token) });
      body.value = page.rows;
    } else {
      body.value = page.rows;
      body["@odata.deltaLink"] = deltaLink(environment, round.select, round.to);
    }
    return { status: 200, body, headers: replyHeaders };
  },
};

interface Round {
  select: string[] | undefined;
  /** Where this page starts in the round's list. */
  start: number;
  /** The change-log position of the deltaLink followed; undefined in the first round (everyone). */
  from: number | undefined;
  /** The change-log position the round's deltaLink will carry. */
  to: number;
}

/** One user's changes in a round, folded: the properties that changed, or that they left. */
interface FoldedChange {
  id: string;
  properties: Set<string>;
  removed: "changed" | "deleted" | undefined;
  previousManagerId: string | null | undefined;
}

/** Folds a stretch of the log per user, in order of first change, as Graph lists each object once. */
function mergeChanges(changes: readonly DirectoryChange[]): FoldedChange[] {
  const byId = new Map<string, FoldedChange>();
  for (const change of changes) {
    const folded = byId.get(change.id) ?? {
      id: change.id,
      properties: new Set<string>(),
      removed: undefined,
      previousManagerId: undefined,
    };
    for (const name of change.properties) folded.properties.add(name);
    folded.removed = change.removed;
    if (folded.previousManagerId === undefined && change.previousManagerId !== undefined)
      folded.previousManagerId = change.previousManagerId;
    byId.set(change.id, folded);
  }
  return [...byId.values()];
}

function fullRow(user: SimulatedUser, properties: readonly string[], tracksManager: boolean): GraphUser {
  const full = toGraphUser(user);
  // Delta always returns the id, whatever was selected.
  const row: GraphUser = { id: user.id };
  for (const name of properties) row[name] = full[name];
  if (tracksManager && user.managerId !== null) row["manager@delta"] = [managerEntry(user.managerId)];
  return row;
}

function changeRow(change: FoldedChange, environment: GraphEnvironment, properties: readonly string[], tracksManager: boolean): GraphUser {
  const user = environment.tenant.userById(change.id);
  if (change.removed !== undefined || user === undefined) return { id: change.id, "@removed": { reason: change.removed ?? "deleted" } };
  if (change.properties.has("*")) return fullRow(user, properties, tracksManager);
  const full = toGraphUser(user);
  const row: GraphUser = { id: user.id };
  for (const name of properties) if (change.properties.has(name)) row[name] = full[name];
  if (tracksManager && change.properties.has("manager")) {
    row["manager@delta"] =
      user.managerId !== null
        ? [managerEntry(user.managerId)]
        : change.previousManagerId
          ? [{ ...managerEntry(change.previousManagerId), "@removed": { reason: "deleted" } }]
          : [];
  }
  return row;
}

function managerEntry(id: string): Record<string, unknown> {
  return { "@odata.type": "#microsoft.graph.user", id };
}

function refuseExpired(state: Record<string, unknown>, environment: GraphEnvironment): void {
  const issuedAt = state.t;
  if (typeof issuedAt !== "number") throw badRequest("Invalid $deltatoken value for this request.");
  if (environment.clock.now() - issuedAt > environment.deltaTokenLifetimeMs) {
    throw new GraphError(
      410,
      "syncStateNotFound",
      "The sync state generation is not found. The delta token is expired and data must be synchronized again.",
    );
  }
}

function contextOf(select: readonly string[] | undefined): string {
  return `${METADATA_URL}#users${select ? `(${select.join(",")})` : ""}`;
}

function deltaLink(environment: GraphEnvironment, select: readonly string[] | undefined, position: number): string {
  const token = encodePageToken("delta", { s: select ?? null, q: position, t: environment.clock.now() });
  return linkTo(environment, "/users/delta", {}, { $deltatoken: token });
}

function positionOf(state: Record<string, unknown>, key: "q" | "to"): number {
  const value = state[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw badRequest("Invalid token value for this request.");
  return value;
}

function optionalPosition(state: Record<string, unknown>): number | undefined {
  return state.q === undefined ? undefined : positionOf(state, "q");
}

/** The $select a token remembers; a token naming unknown properties was not made here. */
function selectIn(state: Record<string, unknown>): string[] | undefined {
  if (state.s === null || state.s === undefined) return undefined;
  if (!Array.isArray(state.s) || !state.s.every((name) => typeof name === "string" && DELTA_PROPERTIES.has(name))) {
    throw badRequest("Invalid token value for this request.");
  }
  return state.s as string[];
}
