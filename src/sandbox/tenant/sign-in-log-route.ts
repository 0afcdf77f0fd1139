import { collectPage } from "./collect-page.js";
import { compileODataFilter, type FilterableProperties } from "./compile-odata-filter.js";
import { badRequest } from "./graph-error.js";
import { linkTo, METADATA_URL, type GraphEnvironment, type GraphRoute } from "./graph-route.js";
import { cursorOf, decodePageToken, encodePageToken } from "./odata-paging.js";
import { SIGN_IN_FAILURE_REASONS, type SignInEvent } from "./sign-in-event.js";
import { stableGuid } from "./seeded-random.js";

/*
 * GET /auditLogs/signIns (learn.microsoft.com/graph/api/signin-list, the signIn resource type):
 * newest first, at most and by default 1,000 a page, $top, $skiptoken and $filter. The filterable
 * properties below are those the bot and its tests use, among the ones the docs list.
 */
const PAGE_SIZE = 1000;
const FILTERABLE: FilterableProperties = {
  scalars: new Set(["id", "userId", "userPrincipalName", "appId", "appDisplayName", "status/errorCode", "isInteractive"]),
  instants: new Set(["createdDateTime"]),
};
const PATH = "/auditLogs/signIns";

export const listSignInsRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/auditLogs\/signIns$/,
  queryOptions: ["$top", "$filter", "$skiptoken"],
  handle(request, environment) {
    const { query } = request;
    const filter = query.$filter === undefined ? undefined : compileODataFilter(query.$filter, FILTERABLE);
    const top = query.$top === undefined ? PAGE_SIZE : Number(query.$top);
    if (!Number.isInteger(top) || top < 1 || top > PAGE_SIZE) {
      throw badRequest(`Invalid value '${query.$top ?? ""}' for $top: it must be between 1 and ${PAGE_SIZE}.`);
    }
    const start = query.$skiptoken === undefined ? 0 : cursorOf(decodePageToken("signIns", query.$skiptoken));
    const newestFirst = [...environment.tenant.signInLog].sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
    const page = collectPage(newestFirst, start, top, (event) => {
      const row = toSignIn(event, environment);
      return filter === undefined || filter(row) ? row : undefined;
    });
    const body: Record<string, unknown> = { "@odata.context": `${METADATA_URL}#auditLogs/signIns` };
    if (page.next !== undefined) {
      body["@odata.nextLink"] = linkTo(environment, PATH, query, { $skiptoken: encodePageToken("signIns", { i: page.next }) });
    }
    body.value = page.rows;
    return { status: 200, body };
  },
};

/** A log entry in the microsoft.graph.signIn shape, its user's names as the directory has them now. */
function toSignIn(event: SignInEvent, environment: GraphEnvironment): Record<string, unknown> {
  const user = environment.tenant.userById(event.userId);
  const failed = event.errorCode !== 0;
  return {
    id: event.id,
    createdDateTime: event.createdDateTime,
    userDisplayName: user?.displayName ?? null,
    userPrincipalName: user?.userPrincipalName ?? null,
    userId: event.userId,
    appId: event.appId,
    appDisplayName: event.appDisplayName,
    ipAddress: "203.0.113.10",
    clientAppUsed: "Browser",
    correlationId: stableGuid("correlation", event.id),
    conditionalAccessStatus: failed ? "failure" : "success",
    isInteractive: true,
    riskDetail: "none",
    riskLevelAggregated: "none",
    riskLevelDuringSignIn: "none",
    riskState: "none",
    riskEventTypes: [],
    resourceDisplayName: event.appDisplayName,
    resourceId: event.appId,
    status: {
      errorCode: event.errorCode,
      failureReason: failed ? (SIGN_IN_FAILURE_REASONS[event.errorCode] ?? "Other.") : null,
      additionalDetails: failed ? "MFA registration required" : null,
    },
    deviceDetail: {
      deviceId: "",
      displayName: null,
      operatingSystem: "Windows 10",
      browser: "Edge 120.0.0",
      isCompliant: null,
      isManaged: null,
      trustType: null,
    },
    location: {
      city: "London",
      state: "England",
      countryOrRegion: "GB",
      geoCoordinates: { altitude: null, latitude: 51.50740051269531, longitude: -0.12779999524354935 },
    },
    appliedConditionalAccessPolicies: [],
  };
}
