import type { GraphClient } from "./client/graph-client.js";

/** A Teams app in the tenant's app catalog (microsoft.graph.teamsApp). */
export interface CatalogApp {
  /** The catalog id, which `teamsApp@odata.bind` needs; for an uploaded app it differs from the manifest's id. */
  readonly id: string;
  /** The manifest's id. */
  readonly externalId: string;
  readonly displayName: string;
  /** "organization" for an app uploaded to the organisation's catalog, "store" or "sideloaded" otherwise. */
  readonly distributionMethod: string;
}

/**
 * Finds an app in the Teams app catalog by its manifest id (GET /appCatalogs/teamsApps with
 * `$filter=externalId eq '…'`, application permission AppCatalog.Read.All), as msteams-docs'
 * "Send proactive installation messages" says to get the teamsAppId. When the catalog holds more
 * than one match (an organisation's copy of a store app, say), the organisation's upload wins.
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
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return [
    {
      id: app.id,
      externalId: text(app.externalId),
      displayName: text(app.displayName),
      distributionMethod: text(app.distributionMethod),
    },
  ];
}
