import { collectPage } from "./collect-page.js";
import { compileODataFilter, type FilterableProperties } from "./compile-odata-filter.js";
import { badRequest, resourceNotFound } from "./graph-error.js";
import { linkTo, METADATA_URL, type GraphEnvironment, type GraphRoute } from "./graph-route.js";
import { cursorOf, decodePageToken, encodePageToken, parseTop } from "./odata-paging.js";
import { applySelect, parseSelect } from "./odata-select.js";
import { reportView } from "./report-view.js";
import type { SimulatedUser } from "./simulated-user.js";
import { toRegistrationDetails, type UserRegistrationDetails } from "./to-registration-details.js";

const TYPE = "microsoft.graph.userRegistrationDetails";
const PROPERTIES: ReadonlySet<string> = new Set([
  "id",
  "userPrincipalName",
  "userDisplayName",
  "isAdmin",
  "isSsprRegistered",
  "isSsprEnabled",
  "isSsprCapable",
  "isMfaRegistered",
  "isMfaCapable",
  "isPasswordlessCapable",
  "lastUpdatedDateTime",
  "methodsRegistered",
  "isSystemPreferredAuthenticationMethodEnabled",
  "systemPreferredAuthenticationMethods",
  "userPreferredMethodForSecondaryAuthentication",
  "userType",
]);
/** The properties Microsoft documents as supporting $filter (eq; `any` for the collections). */
const FILTERABLE: FilterableProperties = {
  scalars: new Set([
    "id",
    "userPrincipalName",
    "userDisplayName",
    "isAdmin",
    "isSsprRegistered",
    "isSsprEnabled",
    "isSsprCapable",
    "isMfaRegistered",
    "isMfaCapable",
    "isPasswordlessCapable",
    "isSystemPreferredAuthenticationMethodEnabled",
    "userPreferredMethodForSecondaryAuthentication",
    "userType",
  ]),
  collections: new Set(["methodsRegistered", "systemPreferredAuthenticationMethods"]),
};
const PATH = "/reports/authenticationMethods/userRegistrationDetails";

/** The row the report shows for `user` right now, or undefined when the report does not list them. */
function rowFor(user: SimulatedUser, environment: GraphEnvironment): UserRegistrationDetails | undefined {
  const view = reportView(user, { nowMs: environment.clock.now(), reportLagMs: environment.reportLagMs });
  return view.inReport ? toRegistrationDetails(user, view, environment.tenant.generatedAtMs) : undefined;
}

/** GET /reports/authenticationMethods/userRegistrationDetails: no delta, paged by $skiptoken. */
export const listRegistrationDetailsRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/reports\/authenticationMethods\/userRegistrationDetails$/,
  queryOptions: ["$top", "$select", "$filter", "$skiptoken", "$count"],
  handle(request, environment) {
    const { query } = request;
    // The docs list only $filter and $orderby for this report; a tenant may refuse $top outright.
    if (environment.reportRefusesTop && query.$top !== undefined)
      throw badRequest("Query option '$top' is not supported on this resource.");
    const select = parseSelect(query.$select, PROPERTIES, TYPE);
    const filter = query.$filter === undefined ? undefined : compileODataFilter(query.$filter, FILTERABLE);
    const top = Math.min(parseTop(query.$top), environment.pageCap);
    const start = query.$skiptoken === undefined ? 0 : cursorOf(decodePageToken("reports", query.$skiptoken));
    const candidates = environment.tenant.reportCandidates();
    const accept = (user: SimulatedUser): UserRegistrationDetails | undefined => {
      const row = rowFor(user, environment);
      return row !== undefined && (filter === undefined || filter(row)) ? row : undefined;
    };
    const page = collectPage(candidates, start, top, accept);
    const body: Record<string, unknown> = {
      "@odata.context": `${METADATA_URL}#reports/authenticationMethods/userRegistrationDetails${select ? `(${select.join(",")})` : ""}`,
    };
    if (query.$count === "true") body["@odata.count"] = candidates.filter((user) => accept(user) !== undefined).length;
    if (page.next !== undefined) {
      body["@odata.nextLink"] = linkTo(environment, PATH, query, { $skiptoken: encodePageToken("reports", { i: page.next }) });
    }
    body.value = page.rows.map((row) => applySelect(row, select));
    return { status: 200, body };
  },
};

/** GET /reports/authenticationMethods/userRegistrationDetails/{id}. */
export const getRegistrationDetailsRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/reports\/authenticationMethods\/userRegistrationDetails\/([^/]+)$/,
  queryOptions: ["$select"],
  handle(request, environment) {
    const id = request.params[0] ?? "";
    const select = parseSelect(request.query.$select, PROPERTIES, TYPE);
    const user = environment.tenant.userById(id) ?? environment.tenant.deletedUserById(id);
    const row = user === undefined ? undefined : rowFor(user, environment);
    if (row === undefined) throw resourceNotFound(id);
    return {
      status: 200,
      body: {
        "@odata.context": `${METADATA_URL}#reports/authenticationMethods/userRegistrationDetails/$entity`,
        ...applySelect(row, select),
      },
    };
  },
};
