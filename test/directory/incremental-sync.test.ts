import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import type { Person } from "../../src/campaign/person.js";
import { isRegistered } from "../../src/campaign/meets-requirement.js";
import { syncDirectory } from "../../src/directory/sync-directory.js";
import { createGraphClient, type GraphClient } from "../../src/graph/client/graph-client.js";
import {
  generateTenant,
  isMfaRegistered,
  makeSimulatedUser,
  startGraphServer,
  type GraphServer,
  type SimulatedTenant,
} from "../../src/sandbox/tenant/index.js";
import type { Store } from "../../src/store/open-store.js";
import { readAllPeople } from "../../src/store/read-people.js";
import { currentSnapshot } from "../../src/store/sync-runs.js";
import { systemClock, type Clock } from "../../src/time/clock.js";
import { ManualClock } from "../support/manual-clock.js";
import { describeEachStore, sqliteTarget } from "../support/test-stores.js";

const reportsPath = "/v1.0/reports/authenticationMethods/userRegistrationDetails";
const neverFull = { fullReportEveryMs: 365 * 86_400_000, fullDirectoryEveryMs: 365 * 86_400_000 };
const silent = pino({ level: "silent" });
const departments = ["Finance", "Sales", "Engineering", "Legal", null];

/** A clock for the sync that moves a second per reading, so runs never share a finishing instant. */
function steppingClock(start = Date.UTC(2026, 0, 5, 9)): Clock {
  let now = start;
  return { now: () => (now += 1000), sleep: (ms) => systemClock.sleep(ms) };
}

function graphClientFor(server: GraphServer): GraphClient {
  return createGraphClient({
    baseUrl: server.url,
    tokens: { getToken: () => Promise.resolve("t") },
    clock: systemClock,
    reportsPace: { limit: 10_000, windowMs: 1000 },
  });
}

/** Everyone in the current snapshot as the campaign reads them, in id order. */
async function snapshotPeople(store: Store): Promise<Person[]> {
  const snapshot = await currentSnapshot(store);
  const people: Person[] = [];
  if (!snapshot) return people;
  for await (const page of readAllPeople(store, snapshot.id)) people.push(...page);
  return people;
}

/** Directory people of the current snapshot whom the report does not list. */
async function idsWithoutReportRow(store: Store): Promise<Set<string>> {
  const snapshot = await currentSnapshot(store);
  const rows = await store.db
    .selectFrom("directory_users as u")
    .leftJoin("registrations as r", (j) => j.onRef("r.snapshot_id", "=", "u.snapshot_id").onRef("r.user_id", "=", "u.id"))
    .select("u.id")
    .where("u.snapshot_id", "=", snapshot?.id ?? "")
    .where("r.user_id", "is", null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

type Change =
  | { kind: "register"; pick: number }
  | { kind: "hire"; pick: number; listed: boolean; department: number }
  | { kind: "reportCatchesUp"; pick: number }
  | { kind: "leave"; pick: number; forGood: boolean }
  | { kind: "manager"; pick: number; other: number; none: boolean }
  | { kind: "department"; pick: number; department: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant("register" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("hire" as const), pick: fc.nat(), listed: fc.boolean(), department: fc.nat() }),
  fc.record({ kind: fc.constant("reportCatchesUp" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("leave" as const), pick: fc.nat(), forGood: fc.boolean() }),
  fc.record({ kind: fc.constant("manager" as const), pick: fc.nat(), other: fc.nat(), none: fc.boolean() }),
  fc.record({ kind: fc.constant("department" as const), pick: fc.nat(), department: fc.nat() }),
);

let hires = 0;

/** Applies one change to the tenant, as HR, IT or the person would make it. */
function apply(tenant: SimulatedTenant, c: Change): void {
  const users = tenant.users;
  if (users.length < 4 && c.kind === "leave") return;
  const user = users[c.pick % users.length];
  if (!user) return;
  switch (c.kind) {
    case "register": {
      // Someone not yet registered registers. (A method added by someone already registered is
      // seen at the next full read: see read-report.ts.)
      const waiting = users.filter((u) => !isMfaRegistered(u.methodsRegistered));
      const registering = waiting[c.pick % Math.max(1, waiting.length)];
      if (registering) tenant.registerUser(registering.id, ["microsoftAuthenticatorPush"], 0);
      return;
    }
    case "hire": {
      hires += 1;
      const n = String(hires).padStart(12, "0");
      tenant.addUser(
        makeSimulatedUser({
          id: `0000aaaa-0000-4000-8000-${n}`,
          userPrincipalName: `hire.${n}@contoso.com`,
          displayName: `New Hire ${n}`,
          department: departments[c.department % departments.length] ?? null,
          managerId: user.id,
          // Most new hires are not in the report until it is next computed.
          inReport: c.listed,
        }),
      );
      return;
    }
    case "reportCatchesUp": {
      const unlisted = users.filter((u) => !u.inReport);
      const caught = unlisted[c.pick % Math.max(1, unlisted.length)];
      if (caught) caught.inReport = true;
      return;
    }
    case "leave":
      tenant.removeUser(user.id, c.forGood ? "deleted" : "changed");
      return;
    case "manager": {
      const other = users[c.other % users.length];
      tenant.editUser(user.id, { managerId: c.none || !other || other.id === user.id ? null : other.id });
      return;
    }
    case "department":
      tenant.editUser(user.id, { department: departments[c.department % departments.length] ?? null });
      return;
  }
}

describe("an incremental sync gives the snapshot a full sync gives", () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const item of open.splice(0)) await item.close();
  });

  it("over random tenants and random registrations, new hires, leavers, manager changes and department moves", async () => {
    const scenario = fc.record({
      seed: fc.nat(10_000),
      size: fc.integer({ min: 8, max: 60 }),
      registeredShare: fc.double({ min: 0, max: 1, noNaN: true }),
      rounds: fc.array(fc.array(change, { maxLength: 8 }), { minLength: 1, maxLength: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ seed, size, registeredShare, rounds }) => {
        const tenant = generateTenant({ seed, size, registeredShare });
        // Small pages, so even a small tenant's reads and deltas take several.
        const server = await startGraphServer(tenant, { reportsThrottle: { limit: 10_000, windowMs: 1000 }, pageCap: 7 });
        const incremental = await sqliteTarget().open();
        const full = await sqliteTarget().open();
        open.push(server, incremental, full);
        const graph = graphClientFor(server);
        const groupIds = [tenant.groups.pilot];
        const clock = steppingClock();
        const sync = (store: Store, asFull: boolean) =>
          syncDirectory({ graph, store, clock, log: silent, groupIds, schedule: neverFull, full: asFull });

        await sync(incremental, true);
        let unlisted = await idsWithoutReportRow(incremental);
        for (const round of rounds) {
          for (const c of round) apply(tenant, c);
          const summary = await sync(incremental, false);
          await sync(full, true);
          expect(summary.directoryRead).toBe("delta");
          const got = await snapshotPeople(incremental);
          const want = await snapshotPeople(full);
          expect(withoutUnlistedRegistrants(got, want, unlisted)).toEqual(want);
          // Nobody without a row in the report is taken for registered.
          for (const person of got) {
            if (!want.find((p) => p.id === person.id)?.isMfaRegistered) expect(person.isMfaRegistered).toBe(false);
          }
          unlisted = await idsWithoutReportRow(incremental);
        }
        for (const item of open.splice(0)) await item.close();
      }),
      { numRuns: 30 },
    );
    // Thirty tenants, each synced both ways several times: room for a busy two-core machine.
  }, 240_000);
});

/**
 * The one difference the incremental read allows, documented in read-report.ts: someone the report
 * did not list at the last sync (no row: not registered) who registered before it listed them is
 * seen at the next full read. Such a person is replaced by the full sync's view; anyone else must
 * match exactly.
 */
function withoutUnlistedRegistrants(got: Person[], want: Person[], unlistedBefore: ReadonlySet<string>): Person[] {
  return got.map((person) => {
    const wanted = want.find((p) => p.id === person.id);
    const allowed =
      wanted !== undefined &&
      wanted.isMfaRegistered &&
      !person.isMfaRegistered &&
      person.methodsRegistered.length === 0 &&
      (unlistedBefore.has(person.id) || person.id.startsWith("0000aaaa-"));
    return allowed ? wanted : person;
  });
}

describeEachStore("incremental sync", (target) => {
  let server: GraphServer;
  let store: Store;
  afterEach(async () => {
    await server.close();
    await store.close();
  });

  async function setUp(tenant: SimulatedTenant, serverClock?: Clock): Promise<{ graph: GraphClient; clock: Clock }> {
    server = await startGraphServer(tenant, {
      reportsThrottle: { limit: 10_000, windowMs: 1000 },
      pageCap: 50,
      ...(serverClock ? { clock: serverClock } : {}),
    });
    store = await target.open();
    return { graph: graphClientFor(server), clock: steppingClock() };
  }

  it("never takes a new hire the report does not list for registered", async () => {
    const tenant = generateTenant({ seed: 11, size: 200, registeredShare: 1 });
    const { graph, clock } = await setUp(tenant);
    await syncDirectory({ graph, store, clock, log: silent, schedule: neverFull });
    const hire = makeSimulatedUser({
      id: "0000bbbb-0000-4000-8000-000000000001",
      userPrincipalName: "new.hire@contoso.com",
      displayName: "New Hire",
      department: "Finance",
      inReport: false,
    });
    tenant.addUser(hire);
    server.requests.length = 0;
    const summary = await syncDirectory({ graph, store, clock, log: silent, schedule: neverFull });
    expect([summary.reportRead, summary.directoryRead]).toEqual(["filtered", "delta"]);
    const person = (await snapshotPeople(store)).find((p) => p.id === hire.id);
    expect(person).toMatchObject({ userPrincipalName: "new.hire@contoso.com", department: "Finance", isMfaRegistered: false });
    expect(person && isRegistered("mfa", person, undefined)).toBe(false);
    // Only the not-registered rows were read from the report.
    const reports = server.requests.filter((r) => r.path === reportsPath);
    expect(reports.map((r) => r.query.$filter)).toEqual(reports.map(() => "isMfaRegistered eq false"));
  });

  it("records when someone who left the not-registered list registered, from their own row", async () => {
    const tenant = generateTenant({ seed: 5, size: 300, registeredShare: 0.5 });
    const { graph, clock } = await setUp(tenant);
    await syncDirectory({ graph, store, clock, log: silent, schedule: neverFull });
    const waiting = tenant.users.filter((u) => u.kind === "person" && u.inReport && u.methodsRegistered.length === 0).slice(0, 2);
    for (const user of waiting) tenant.registerUser(user.id, ["microsoftAuthenticatorPush", "mobilePhone"], 0);
    server.requests.length = 0;
    const summary = await syncDirectory({ graph, store, clock, log: silent, schedule: neverFull });
    expect(summary.newlyRegistered).toBe(2);
    const lookups = server.requests.filter((r) => r.path.startsWith(`${reportsPath}/`)).map((r) => r.path.slice(reportsPath.length + 1));
    expect(lookups.sort()).toEqual(waiting.map((u) => u.id).sort());
    const people = await snapshotPeople(store);
    for (const user of waiting) {
      expect(people.find((p) => p.id === user.id)).toMatchObject({
        isMfaRegistered: true,
        methodsRegistered: ["microsoftAuthenticatorPush", "mobilePhone"],
      });
    }
    const snapshot = await currentSnapshot(store);
    const firsts = await store.db
      .selectFrom("registration_firsts")
      .selectAll()
      .where(
        "user_id",
        "in",
        waiting.map((u) => u.id),
      )
      .execute();
    expect(firsts.map((f) => f.first_seen_registered_at)).toEqual([snapshot?.finished_at, snapshot?.finished_at]);
  });

  it("reads the whole directory when Graph answers 410 Gone to an expired deltaLink", async () => {
    const tenant = generateTenant({ seed: 9, size: 150 });
    const serverClock = new ManualClock(Date.UTC(2026, 0, 5, 9));
    const { graph, clock } = await setUp(tenant, serverClock);
    await syncDirectory({ graph, store, clock, log: silent, schedule: neverFull });
    const mover = tenant.users[10];
    if (!mover) throw new Error("tenant too small");
    tenant.editUser(mover.id, { department: "Moved Department" });
    // Graph keeps a users deltaLink for seven days.
    await serverClock.advance(7 * 86_400_000 + 1);
    server.requests.length = 0;
    const summary = await syncDirectory({ graph, store, clock, log: silent, schedule: neverFull });

    expect(summary.directoryRead).toBe("full");
    const delta = server.requests.filter((r) => r.path === "/v1.0/users/delta");
    expect(delta[0]?.status).toBe(410);
    expect(delta[0]?.query.$deltatoken).toBeDefined();
    expect(delta[1]?.query.$deltatoken).toBeUndefined();
    expect(delta[1]?.query.$skiptoken).toBeUndefined();
    expect(delta.slice(1).every((r) => r.status === 200)).toBe(true);
    const people = await snapshotPeople(store);
    expect(people).toHaveLength(tenant.users.length);
    expect(people.find((p) => p.id === mover.id)?.department).toBe("Moved Department");

    // The full read handed out a fresh deltaLink: the next sync is incremental again.
    const next = await syncDirectory({ graph, store, clock, log: silent, schedule: neverFull });
    expect(next.directoryRead).toBe("delta");
  });

  it("reads the whole directory when the stored deltaLink is on another host than GRAPH_BASE_URL", async () => {
    const tenant = generateTenant({ seed: 9, size: 150 });
    const { clock } = await setUp(tenant);
    const before = graphClientFor(server);
    await syncDirectory({ graph: before, store, clock, log: silent, schedule: neverFull });
    // The same tenant behind another address: the stored link names the old one.
    await server.close();
    server = await startGraphServer(tenant, { reportsThrottle: { limit: 10_000, windowMs: 1000 }, pageCap: 50 });
    const after = graphClientFor(server);
    expect(new URL(after.baseUrl).origin).not.toBe(new URL(before.baseUrl).origin);
    const summary = await syncDirectory({ graph: after, store, clock, log: silent, schedule: neverFull });

    expect(summary.directoryRead).toBe("full");
    const delta = server.requests.filter((r) => r.path === "/v1.0/users/delta");
    expect(delta[0]?.query.$deltatoken).toBeUndefined();
    expect(await snapshotPeople(store)).toHaveLength(tenant.users.length);
    const next = await syncDirectory({ graph: after, store, clock, log: silent, schedule: neverFull });
    expect(next.directoryRead).toBe("delta");
  });

  it("reads in full on demand, and once the last full read is as old as the schedule allows", async () => {
    const tenant = generateTenant({ seed: 2, size: 100 });
    const { graph, clock } = await setUp(tenant);
    const first = await syncDirectory({ graph, store, clock, log: silent, schedule: neverFull });
    expect([first.reportRead, first.directoryRead]).toEqual(["full", "full"]);
    const forced = await syncDirectory({ graph, store, clock, log: silent, schedule: neverFull, full: true });
    expect([forced.reportRead, forced.directoryRead]).toEqual(["full", "full"]);
    const daily = { fullReportEveryMs: 0, fullDirectoryEveryMs: 365 * 86_400_000 };
    const due = await syncDirectory({ graph, store, clock, log: silent, schedule: daily });
    expect([due.reportRead, due.directoryRead]).toEqual(["full", "delta"]);
  });
});
