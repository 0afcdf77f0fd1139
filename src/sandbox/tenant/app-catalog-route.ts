import { compileODataFilter, type FilterableProperties } from "./compile-odata-filter.js";
import { METADATA_URL, type GraphRoute } from "./graph-route.js";
import { applySelect, parseSelect } from "./odata-select.js";
import type { SimulatedTenant } from "./simulated-tenant.js";

const TYPE = "microsoft.graph.teamsApp";
const PROPERTIES = new Set(["id", "externalId", "displayName", "distributionMethod"]);
const FILTERABLE: FilterableProperties = { scalars: PROPERTIES };

/*
 * A few of Microsoft's own apps, as every tenant's catalog lists them: store apps keep their
 * manifest id as their catalog id (Graph docs, "List teamsApp": the id differs from the manifest's
 * only when distributionMethod is not store).
 */
const STORE_APPS = [
  { id: "5af6a76b-40fc-4ba1-af29-8f49b08e44fd", externalId: null, displayName: "Files", distributionMethod: "store" },
  { id: "14d6962d-6eeb-4f48-8890-de55454bb136", externalId: null, displayName: "Activity", distributionMethod: "store" },
  { id: "20c3440d-c67e-4420-9f80-0e50c39693df", externalId: null, displayName: "Calling", distributionMethod: "store" },
];

/** The tenant's Teams app catalog: Microsoft's apps, and the bot's app once an admin has uploaded it. */
export function catalogApps(tenant: SimulatedTenant): Record<string, unknown>[] {
  const ours = tenant.teamsAppInCatalog ? [{ ...tenant.teamsApp }] : [];
  return [...STORE_APPS, ...ours];
}

/**
 * GET /appCatalogs/teamsApps with $filter and $select, as "List teamsApp" documents it
 * (learn.microsoft.com/graph/api/appcatalogs-list-teamsapps), e.g. `$filter=externalId eq '{manifest id}'`.
 */
export const listCatalogAppsRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/appCatalogs\/teamsApps$/,
  queryOptions: ["$filter", "$select"],
  handle(request, environment) {
    const select = parseSelect(request.query.$select, PROPERTIES, TYPE);
    const filter = request.query.$filter === undefined ? undefined : compileODataFilter(request.query.$filter, FILTERABLE);
    const value = catalogApps(environment.tenant)
      .filter((app) => filter === undefined || filter(app))
      .map((app) => applySelect(app, select));
    return { status: 200, body: { "@odata.context": `${METADATA_URL}#appCatalogs/teamsApps`, value } };
  },
};
