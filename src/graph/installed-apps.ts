import type { GraphClient } from "./client/graph-client.js";

/*
 * The bot's installation for one person (TeamsAppInstallation.ReadWriteSelfForUser.All), following
 * msteams-docs "Send proactive installation messages": install with the app's catalog id, find the
 * installation by that id, then ask for its chat, whose id is the conversation id to message.
 */

/** POST /users/{id}/teamwork/installedApps. `catalogAppId` is the app's id in the tenant's catalog, not the manifest's. */
export async function installAppForUser(graph: GraphClient, userId: string, catalogAppId: string): Promise<void> {
  const bind = `${graph.baseUrl.replace(/\/$/, "")}/v1.0/appCatalogs/teamsApps/${catalogAppId}`;
  await graph.post(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`, { "teamsApp@odata.bind": bind });
}

/** The id of this app's installation for the person, or undefined when it is not installed. */
export async function findInstallation(graph: GraphClient, userId: string, catalogAppId: string): Promise<string | undefined> {
  const filter = encodeURIComponent(`teamsApp/id eq '${catalogAppId}'`);
  const body = (await graph.get(`/users/${encodeURIComponent(userId)}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`)) as {
    value?: { id?: unknown }[];
  };
  const id = body?.value?.[0]?.id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** GET …/installedApps/{installationId}/chat: the id of the bot's 1:1 chat with the person. */
export async function readInstallationChatId(graph: GraphClient, userId: string, installationId: string): Promise<string | undefined> {
  const body = (await graph.get(
    `/users/${encodeURIComponent(userId)}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`,
  )) as { id?: unknown };
  return typeof body?.id === "string" && body.id !== "" ? body.id : undefined;
}
