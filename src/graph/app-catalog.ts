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
 * "List teamsApp", example "Find application based on the Teams app manifest ID").
 */
export async function findCatalogApp(graph: GraphClient, externalId: string): Promise<CatalogApp | undefined> {
  const filter = encodeURIComponent(`externalId eq '${externalId.replace(/'/g, "''")}'`);
  const body = (await graph.get(`/appCatalogs/teamsApps?$filter=${filter}`)) as { value?: unknown };
  const first = Array.isArray(body.value) ? (body.value[0] as Record<string, unknown> | undefined) : undefined;
  if (first === undefined || typeof first.id !== "string") return undefined;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    id: first.id,
    externalId: text(first.externalId),
    displayName: text(first.displayName),
    distributionMethod: text(first.distributionMethod),
  };
}
