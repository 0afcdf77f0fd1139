import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAdminRoster } from "../../src/chatops/admin-roster.js";
import { createGraphClient, type GraphClient } from "../../src/graph/client/graph-client.js";
import { generateTenant, startGraphServer, type GraphServer, type SimulatedTenant } from "../../src/sandbox/tenant/index.js";
import { ManualClock } from "../support/manual-clock.js";

const t0 = Date.parse("2026-11-03T11:00:00Z");
const minute = 60_000;

describe("the admin roster: ADMIN_GROUP_ID's members, kept five minutes, and ADMIN_USER_IDS", () => {
  let tenant: SimulatedTenant;
  let server: GraphServer;
  let graph: GraphClient;
  let groupId: string;
  let members: string[];
  let outsider: string;
  let clock: ManualClock;

  beforeAll(async () => {
    tenant = generateTenant({ seed: 7, size: 50 });
    server = await startGraphServer(tenant, { token: "t0ken" });
    graph = createGraphClient({
      baseUrl: server.url,
      tokens: { getToken: () => Promise.resolve("t0ken") },
      clock: new ManualClock(t0),
      reportsPace: { limit: 5, windowMs: 10_000 },
      maxRetries: 0,
    });
    groupId = tenant.groups.botAdmins;
  });
  afterAll(() => server.close());

  beforeEach(() => {
    // Three people in the group, set here so the test does not depend on how the tenant was generated.
    members = tenant.users.slice(0, 3).map((u) => u.id);
    outsider = tenant.users[3]?.id ?? "";
    setMembers(members);
    clock = new ManualClock(t0);
  });

  /** Requests for the group's members the roster has made so far. */
  const memberReads = () => server.requests.filter((r) => r.path.endsWith(`/groups/${groupId}/transitiveMembers`)).length;
  /** Sets the group's members in the simulated tenant, as an admin editing the group in Entra would. */
  const setMembers = (ids: string[]) => (tenant.groupMembers as Map<string, readonly string[]>).set(groupId.toLowerCase(), ids);

  it("knows the group's members, whatever the case of their id, with one read of the group", async () => {
    const before = memberReads();
    const roster = createAdminRoster({ graph, groupId, userIds: [], clock });
    const answers = [
      await roster.isAdmin(members[0]),
      await roster.isAdmin(members[1]?.toUpperCase()),
      await roster.isAdmin(outsider),
      await roster.isAdmin(undefined),
    ];
    expect(answers).toEqual([true, true, false, false]);
    expect(memberReads() - before).toBe(1);
  });

  it("keeps what it read for five minutes, then reads the group again: a removal takes effect then", async () => {
    const roster = createAdminRoster({ graph, groupId, userIds: [], clock });
    const removed = members[0] ?? "";
    expect(await roster.isAdmin(removed)).toBe(true);
    const before = memberReads();
    setMembers(members.slice(1));
    await clock.advance(5 * minute - 1);
    expect(await roster.isAdmin(removed)).toBe(true);
    expect(memberReads() - before).toBe(0);
    await clock.advance(1);
    expect(await roster.isAdmin(removed)).toBe(false);
    expect(memberReads() - before).toBe(1);
    expect(await roster.isAdmin(members[1])).toBe(true);
    expect(memberReads() - before).toBe(1);
  });

  it("adds the people ADMIN_USER_IDS names, in any case, and reads no group when none is configured", async () => {
    const before = memberReads();
    const roster = createAdminRoster({ graph, groupId: undefined, userIds: ["AAAAAAAA-1111-4111-8111-111111111111"], clock });
    expect([
      await roster.isAdmin("aaaaaaaa-1111-4111-8111-111111111111"),
      await roster.isAdmin(members[0]),
      await roster.isAdmin(""),
    ]).toEqual([true, false, false]);
    expect(memberReads() - before).toBe(0);
  });
});
