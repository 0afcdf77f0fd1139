import { compileODataFilter, type FilterableProperties } from "./compile-odata-filter.js";
import { METADATA_URL, type GraphRoute } from "./graph-route.js";
import { applySelect, parseSelect } from "./odata-select.js";

const PROPERTIES = new Set(["id", "externalId", "displayName", "distributionMethod"]);
const FILTERABLE: FilterableProperties = { scalars: PROPERTIES };

// A store app the catalog lists beside ours: store apps have no externalId (learn.microsoft.com, teamsApp).
const STORE_APP = { id: "7c316234-ded0-4f95-8a83-8453d0876592", externalId: null, displayName: "Approvals", distributionMethod: "store" };

/**
 * GET /appCatalogs/teamsApps with $filter and $select (learn.microsoft.com, "List teamsApp"): the
 * bot's app under its catalog id, its manifest id as externalId, distributed by the organisation.
 */
export const appCatalogRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/appCatalogs\/teamsApps$/,
  queryOptions: ["$filter", "$select"],
  handle(request, environment) {
    const { id, externalId, displayName, distributionMethod } = environment.tenant.teamsApp;
    const select = parseSelect(request.query.$select, PROPERTIES, "microsoft.graph.teamsApp");
    const filter = request.query.$filter === undefined ? undefined : compileODataFilter(request.query.$filter, FILTERABLE);
    // Until an admin uploads the bot's app, the catalog knows only Microsoft's.
    const ours = environment.tenant.teamsAppInCatalog ? [{ id, externalId, displayName, distributionMethod }] : [];
    const value = [...ours, STORE_APP].filter((app) => filter === undefined || filter(app)).map((app) => applySelect(app, select));
    return { status: 200, body: { "@odata.context": `${METADATA_URL}#appCatalogs/teamsApps`, value } };
  },
};
