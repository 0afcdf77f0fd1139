import type { GraphClient } from "./client/graph-client.js";
import { readPages } from "./client/read-pages.js";

/**
 * The user ids among a group's transitive members (GET /groups/{id}/transitiveMembers), a page at a
 * time. Nested groups, devices and contacts are members too; only users can be reminded or be admins.
 */
export async function* readGroupUserIds(graph: GraphClient, groupId: string): AsyncGenerator<string[]> {
  for await (const page of readPages(graph, `/groups/${encodeURIComponent(groupId)}/transitiveMembers?$select=id&$top=999`)) {
    yield page.value.filter(isUserObject).map((m) => m.id);
  }
}

function isUserObject(value: unknown): value is { id: string } {
  if (typeof value !== "object" || value === null) return false;
  const o = value as { id?: unknown; "@odata.type"?: unknown };
  return typeof o.id === "string" && (o["@odata.type"] === undefined || o["@odata.type"] === "#microsoft.graph.user");
}

/** One group by object id (GET /groups/{id}, GroupMember.Read.All); a missing one is a GraphNotFound error. */
export async function readGroup(graph: GraphClient, groupId: string): Promise<{ id: string; displayName: string }> {
  const body = (await graph.get(`/groups/${encodeURIComponent(groupId)}?$select=id,displayName`)) as {
    id?: unknown;
    displayName?: unknown;
  };
  return { id: typeof body.id === "string" ? body.id : groupId, displayName: typeof body.displayName === "string" ? body.displayName : "" };
}
