import type { GraphClient } from "../graph/client/graph-client.js";
import { readGroupUserIds } from "../graph/groups.js";
import type { Clock } from "../time/clock.js";

export interface AdminRoster {
  isAdmin(userId: string | undefined): Promise<boolean>;
}

/**
 * Who may use the admin commands: the transitive members of ADMIN_GROUP_ID, read from Graph and
 * kept for a few minutes (a removal takes effect within that time), plus ADMIN_USER_IDS.
 */
export function createAdminRoster(options: {
  graph: GraphClient | undefined;
  groupId: string | undefined;
  userIds: readonly string[];
  clock: Clock;
  ttlMs?: number;
}): AdminRoster {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const named = new Set(options.userIds.map((id) => id.toLowerCase()));
  let cache: { members: Set<string>; until: number } | undefined;

  async function groupMembers(): Promise<Set<string>> {
    if (!options.groupId || !options.graph) return new Set();
    if (cache && cache.until > options.clock.now()) return cache.members;
    const members = new Set<string>();
    for await (const ids of readGroupUserIds(options.graph, options.groupId)) for (const id of ids) members.add(id.toLowerCase());
    cache = { members, until: options.clock.now() + ttlMs };
    return members;
  }

  return {
    async isAdmin(userId) {
      if (!userId) return false;
      const id = userId.toLowerCase();
      return named.has(id) || (await groupMembers()).has(id);
    },
  };
}
