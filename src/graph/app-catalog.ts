import type { GraphClient } from "./client/graph-client.js";

/** A Teams app as the tenant's app catalog lists it (microsoft.graph.teamsApp). */
export interface CatalogApp {
  /** The catalog id: what `teamsApp@odata.bind` needs. Differs from the manifest id unless the app is from the store. */
  readonly id: string;
  /** The manifest's id, for apps uploaded to the organisation. */
  readonly externalId: string | null;
  readonly displayName: string | null;
  /** "organization" once uploaded to the organisation's catalog; "sideloaded" for a custom app a person uploaded. */
  readonly distributionMethod: string | null;
}

/**
 * The app whose manifest id is `externalId`, as the catalog knows it
 * (GET /appCatalogs/teamsApps?$filter=externalId eq '{id}', AppCatalog.Read.All; learn.microsoft.com,
 * "List teamsApp", example "Find application based on the Teams app manifest ID"). When the catalog
 * holds more than one match (a person's sideloaded copy beside the organisation's upload, say), the
 * organisation's wins: it is the one Graph can install for people.
 */
export async function findCatalogApp(graph: GraphClient, externalId: string): Promise<CatalogApp | undefined> {
  const filter = encodeURIComponent(`externalId eq '${externalId.replace(/'/g, "''")}'`);
  const body = (await graph.get(`/appCatalogs/teamsApps?$filter=${filter}`)) as { value?: unknown };
  const apps = (Array.isArray(body?.value) ? body.value : []).flatMap(toCatalogApp);
  return apps.find((app) => app.distributionMethod === "organization") ?? apps[0];
}

function toCatalogApp(raw: unknown): CatalogApp[] {
  if (typeof raw !== "object" || raw === null) return [];
  const app = raw as Record<string, unknown>;
  if (typeof app.id !== "string" || app.id === "") return [];
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return [
    { id: app.id, externalId: text(app.externalId), displayName: text(app.displayName), distributionMethod: text(app.distributionMethod) },
  ];
}
