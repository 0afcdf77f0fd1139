import { isAppError } from "../errors/app-error.js";
import { directoryUserSelect } from "./directory-user.js";
import type { GraphClient } from "./client/graph-client.js";
import { readPages, type GraphPage } from "./client/read-pages.js";

// One delta round carries each user's manager as manager@delta, which /users can only do at 100 a page.
const usersDeltaUrl = `/users/delta?$select=${directoryUserSelect}`;
const usersDeltaHeaders = { Prefer: "odata.maxpagesize=999" };

/**
 * The directory through /users/delta (User.Read.All), a page at a time; the last page carries the
 * deltaLink. From a stored deltaLink, only what changed since it was handed out.
 */
export function readUsersDeltaPages(graph: GraphClient, deltaLink?: string): AsyncGenerator<GraphPage> {
  return readPages(graph, deltaLink ?? usersDeltaUrl, usersDeltaHeaders);
}

/**
 * Whether Graph refused a deltaLink because its sync state is gone (the token expired, after seven
 * days for users, or the service reset it): then the directory must be read in full again. The
 * delta overview documents a 40x with syncStateNotFound, or 410 Gone (resyncRequired); a blog post
 * on identity resources shows 400 syncStateNotFound (learn.microsoft.com/graph/delta-query-overview;
 * devblogs.microsoft.com/microsoft365dev/duration-of-change-tracking-tokens-for-identity-and-education-resources).
 */
export function isDeltaExpired(error: unknown): boolean {
  if (!isAppError(error)) return false;
  const { status, graphCode } = error.details as { status?: number; graphCode?: string };
  return status === 410 || graphCode === "syncStateNotFound" || graphCode === "resyncRequired";
}

/** One user by object id or UPN (GET /users/{id | userPrincipalName}); a missing one is a GraphNotFound error. */
export async function readUser(graph: GraphClient, idOrUpn: string): Promise<{ id: string; userPrincipalName: string }> {
  const body = (await graph.get(`/users/${encodeURIComponent(idOrUpn)}?$select=id,userPrincipalName`)) as {
    id?: unknown;
    userPrincipalName?: unknown;
  };
  return {
    id: typeof body.id === "string" ? body.id : "",
    userPrincipalName: typeof body.userPrincipalName === "string" ? body.userPrincipalName : idOrUpn,
  };
}

/**
 * The ids of every group a user belongs to, directly or through nested groups
 * (GET /users/{id}/transitiveMemberOf, User.Read.All: groups come back with their id even without a
 * group permission).
 */
export async function readUserGroupIds(graph: GraphClient, userId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of readPages(graph, `/users/${encodeURIComponent(userId)}/transitiveMemberOf?$select=id`)) {
    for (const member of page.value as { id?: unknown; "@odata.type"?: unknown }[]) {
      if (typeof member.id === "string" && (member["@odata.type"] ?? "#microsoft.graph.group") === "#microsoft.graph.group") {
        ids.push(member.id);
      }
    }
  }
  return ids;
}
