import type { GraphClient } from "./client/graph-client.js";

/**
 * Installs a Teams app for a person (POST /users/{id}/teamwork/installedApps,
 * TeamsAppInstallation.ReadWriteSelfForUser.All). `catalogAppId` is the app's id in the tenant's
 * catalog, which for an uploaded app differs from the manifest's id.
 */
export async function installAppForUser(graph: GraphClient, userId: string, catalogAppId: string): Promise<void> {
  const bind = `${graph.baseUrl.replace(/\/$/, "")}/v1.0/appCatalogs/teamsApps/${catalogAppId}`;
  await graph.post(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`, { "teamsApp@odata.bind": bind });
}
