import { afterEach, expect, it } from "vitest";
import type { DirectoryUser } from "../../src/graph/directory-user.js";
import type { RegistrationDetails } from "../../src/graph/registration-details.js";
import { completeSyncRun } from "../../src/store/complete-sync-run.js";
import type { Store } from "../../src/store/open-store.js";
import { insertDirectoryUsers, insertGroupMembers, insertRegistrations } from "../../src/store/snapshot-rows.js";
import { readStatusFigures } from "../../src/store/status-figures.js";
import { beginSyncRun, currentSnapshot, failSyncRun, pruneSnapshots, recordSyncProgress } from "../../src/store/sync-runs.js";
import { describeEachStore } from "../support/test-stores.js";
import { readFiguresBefore, readTrend, saveDailyFigures } from "../../src/store/daily-figures.js";

const user = (id: string, over: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id,
  userPrincipalName: `${id}@contoso.com`,
  displayName: id,
  givenName: null,
  mail: null,
  department: "Sales",
  jobTitle: null,
  accountEnabled: true,
  userType: "Member",
  managerId: null,
  preferredLanguage: null,
  usageLocation: null,
  ...over,
});
const registration = (userId: string, over: Partial<RegistrationDetails> = {}): RegistrationDetails => ({
  userId,
  userPrincipalName: `${userId}@contoso.com`,
  isAdmin: false,
  isMfaRegistered: false,
  isMfaCapable: false,
  methodsRegistered: [],
  userType: "member",
  lastUpdatedDateTime: null,
  ...over,
});
const counts = { users: 0, registrations: 0, report_pages: 1, user_pages: 1 };
const t0 = new Date("2026-11-02T09:00:00Z");
const t1 = new Date("2026-11-03T09:00:00Z");

describeEachStore("the store", (target) => {
  let store: Store;
  afterEach(async () => store?.close());

  async function snapshot(at: Date, users: DirectoryUser[], regs: RegistrationDetails[]): Promise<string> {
    const id = await beginSyncRun(store, at);
    await insertDirectoryUsers(store, id, users);
    await insertRegistrations(store, id, regs);
    await completeSyncRun(store, id, at, { ...counts, users: users.length, registrations: regs.length });
    return id;
  }

  it("migrates an empty database and reports zeros before the first sync", async () => {
    store = await target.open();
    expect(await currentSnapshot(store)).toBeUndefined();
    const figures = await readStatusFigures(store);
    expect(figures).toMatchObject({ users: 0, members: 0, lastSync: null, byDepartment: {} });
  });

  it("counts members, registrations and admins as status defines them", async () => {
    store = await target.open();
    await snapshot(
      t0,
      [
        user("a"),
        user("b", { department: "IT" }),
        user("c", { department: "" }),
        user("guest", { userType: "Guest" }),
        user("gone", { accountEnabled: false }),
        user("new"), // not in the report yet: counts as not registered
      ],
      [
        registration("a", { isMfaRegistered: true }),
        registration("b", { isAdmin: true }),
        registration("c", { isAdmin: true, isMfaRegistered: true }),
        registration("guest", { isMfaRegistered: true, userType: "guest" }),
        registration("gone", { isMfaRegistered: true }),
        registration("ghost", { isMfaRegistered: true }), // deleted from the directory since
      ],
    );
    const f = await readStatusFigures(store);
    expect(f).toMatchObject({
      users: 6,
      members: 4,
      registered: 2,
      notRegistered: 2,
      admins: 2,
      adminsNotRegistered: 1,
      percentRegistered: 50,
    });
    expect(f.byDepartment).toEqual({
      Sales: { members: 2, registered: 1 },
      IT: { members: 1, registered: 0 },
      "(none)": { members: 1, registered: 1 },
    });
    expect(f.lastSync).toBe(t0.toISOString());
  });

  it("keeps the previous snapshot current while a sync is written and after it fails", async () => {
    store = await target.open();
    const first = await snapshot(t0, [user("a"), user("b")], [registration("a", { isMfaRegistered: true })]);

    const broken = await beginSyncRun(store, t1);
    await insertDirectoryUsers(store, broken, [user("a"), user("b"), user("c")]);
    await insertRegistrations(store, broken, [registration("a"), registration("b")]);
    expect((await currentSnapshot(store))?.id).toBe(first);
    expect((await readStatusFigures(store)).users).toBe(2);

    await failSyncRun(store, broken, t1, "Graph answered 503");
    expect((await currentSnapshot(store))?.id).toBe(first);
    expect(await readStatusFigures(store)).toMatchObject({ users: 2, registered: 1, lastSync: t0.toISOString() });
  });

  it("switches to a new snapshot only when it completes, and prunes all but the last two", async () => {
    store = await target.open();
    const first = await snapshot(t0, [user("a")], []);
    const second = await snapshot(t1, [user("a"), user("b")], []);
    const third = await snapshot(new Date("2026-11-04T09:00:00Z"), [user("a"), user("b"), user("c")], []);
    await pruneSnapshots(store);
    expect((await currentSnapshot(store))?.id).toBe(third);
    const left = await store.db.selectFrom("directory_users").select("snapshot_id").distinct().execute();
    expect(left.map((r) => r.snapshot_id).sort()).toEqual([second, third].sort());
    expect(left.map((r) => r.snapshot_id)).not.toContain(first);
  });

  it("remembers when each person was first seen registered, across snapshots", async () => {
    store = await target.open();
    await snapshot(t0, [user("a"), user("b")], [registration("a", { isMfaRegistered: true }), registration("b")]);
    await snapshot(
      t1,
      [user("a"), user("b")],
      [registration("a", { isMfaRegistered: true }), registration("b", { isMfaRegistered: true })],
    );
    const firsts = await store.db.selectFrom("registration_firsts").selectAll().orderBy("user_id").execute();
    expect(firsts).toEqual([
      { user_id: "a", first_seen_registered_at: t0.toISOString() },
      { user_id: "b", first_seen_registered_at: t1.toISOString() },
    ]);
  });

  it("keeps one row of figures per day, the day's last save winning, and reads the trend oldest first", async () => {
    store = await target.open();
    const figures = (day: string, inScope: number, registered: number) => ({
      day,
      accounts: 9,
      inScope,
      registered,
      admins: 1,
      adminsRegistered: 0,
    });
    await saveDailyFigures(store, figures("2026-11-02", 4, 1), t0);
    await saveDailyFigures(store, figures("2026-11-02", 4, 2), new Date("2026-11-02T17:00:00Z"));
    await saveDailyFigures(store, figures("2026-11-03", 5, 3), t1);
    expect(await readTrend(store, 60)).toEqual([
      { day: "2026-11-02", inScope: 4, registered: 2 },
      { day: "2026-11-03", inScope: 5, registered: 3 },
    ]);
    expect(await readTrend(store, 1)).toEqual([{ day: "2026-11-03", inScope: 5, registered: 3 }]);
    expect(await readFiguresBefore(store, "2026-11-03")).toEqual({ day: "2026-11-02", registered: 2 });
    expect(await readFiguresBefore(store, "2026-11-02")).toBeUndefined();
  });

  it("no longer writes the day's figures at a sync: they are the campaign's, written by its run", async () => {
    store = await target.open();
    await snapshot(t0, [user("a"), user("b")], [registration("a", { isMfaRegistered: true })]);
    expect(await readTrend(store, 60)).toEqual([]);
  });

  it("folds a user listed twice in one snapshot into the later copy", async () => {
    store = await target.open();
    const id = await beginSyncRun(store, t0);
    await insertDirectoryUsers(store, id, [user("a", { department: "Old" }), user("a", { department: "New" })]);
    await insertDirectoryUsers(store, id, [user("a", { department: "Newest" })]);
    const rows = await store.db.selectFrom("directory_users").select("department").where("snapshot_id", "=", id).execute();
    expect(rows).toEqual([{ department: "Newest" }]);
  });

  it("refuses a second sync while one is running, and takes over one that went silent", async () => {
    store = await target.open();
    await beginSyncRun(store, t0);
    await expect(beginSyncRun(store, new Date(t0.getTime() + 60_000))).rejects.toMatchObject({ code: "sync_already_running" });
    await expect(beginSyncRun(store, new Date(t0.getTime() + 10 * 60_000))).resolves.toBeTypeOf("string");
  });

  it("does not wait five minutes on a run of its own that failed while the database could not be told", async () => {
    store = await target.open();
    const failed = await beginSyncRun(store, t0);
    // The store is gone at the moment the run fails (a dropped connection, here a closed handle).
    const gone = await target.open();
    await gone.close();
    await failSyncRun(gone, failed, new Date(t0.getTime() + 1_000), "Connection terminated unexpectedly");
    const next = await beginSyncRun(store, new Date(t0.getTime() + 60_000));
    const runs = await store.db.selectFrom("sync_runs").select(["id", "status", "error"]).orderBy("started_at").execute();
    expect(runs).toEqual([
      { id: failed, status: "failed", error: "Connection terminated unexpectedly" },
      { id: next, status: "running", error: null },
    ]);
  });
});

describeEachStore("snapshot rows and sync runs", (target) => {
  let store: Store;
  afterEach(async () => store?.close());
  const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

  it("stores every field of a user and of a registration, a later copy replacing every field", async () => {
    store = await target.open();
    const id = await beginSyncRun(store, t0);
    const full = user("a", {
      userPrincipalName: "ada@contoso.com",
      displayName: "Ada Lovelace",
      givenName: "Ada",
      mail: "ada@contoso.com",
      department: "Engineering",
      jobTitle: "Analyst",
      accountEnabled: false,
      userType: "Guest",
      managerId: "m1",
      preferredLanguage: "en-GB",
      usageLocation: "GB",
    });
    await insertDirectoryUsers(store, id, [user("a")]);
    await insertDirectoryUsers(store, id, [full]);
    expect(await store.db.selectFrom("directory_users").selectAll().execute()).toEqual([
      {
        snapshot_id: id,
        id: "a",
        user_principal_name: "ada@contoso.com",
        display_name: "Ada Lovelace",
        given_name: "Ada",
        mail: "ada@contoso.com",
        department: "Engineering",
        job_title: "Analyst",
        account_enabled: 0,
        user_type: "Guest",
        manager_id: "m1",
        preferred_language: "en-GB",
        usage_location: "GB",
      },
    ]);
    await insertRegistrations(store, id, [registration("a")]);
    await insertRegistrations(store, id, [
      registration("a", {
        userPrincipalName: "ada@contoso.com",
        isAdmin: true,
        isMfaRegistered: true,
        isMfaCapable: true,
        methodsRegistered: ["microsoftAuthenticatorPush", "mobilePhone"],
        userType: "guest",
        lastUpdatedDateTime: "2026-11-01T08:00:00Z",
      }),
    ]);
    expect(await store.db.selectFrom("registrations").selectAll().execute()).toEqual([
      {
        snapshot_id: id,
        user_id: "a",
        user_principal_name: "ada@contoso.com",
        is_admin: 1,
        is_mfa_registered: 1,
        is_mfa_capable: 1,
        methods_registered: '["microsoftAuthenticatorPush","mobilePhone"]',
        user_type: "guest",
        last_updated_at: "2026-11-01T08:00:00Z",
      },
    ]);
  });

  it("stores a snapshot larger than one statement may carry", async () => {
    store = await target.open();
    const id = await beginSyncRun(store, t0);
    // 2,600 users of 13 values each is past SQLite's 32,766 bound parameters per statement.
    const many = Array.from({ length: 2600 }, (_, i) => `u${String(i).padStart(4, "0")}`);
    await insertDirectoryUsers(store, id, [...many.map((u) => user(u)), user("u0000", { department: "Later" })]);
    await insertRegistrations(
      store,
      id,
      many.map((u) => registration(u)),
    );
    await insertGroupMembers(store, id, "g1", many);
    const count = async (table: "directory_users" | "registrations" | "group_members") =>
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    expect([Number(await count("directory_users")), Number(await count("registrations")), Number(await count("group_members"))]).toEqual([
      2600, 2600, 2600,
    ]);
    const first = await store.db.selectFrom("directory_users").select("department").where("id", "=", "u0000").executeTakeFirstOrThrow();
    expect(first.department).toBe("Later");
  });

  it("stores each group member once, however often listed", async () => {
    store = await target.open();
    const id = await beginSyncRun(store, t0);
    await insertGroupMembers(store, id, "g1", ["a", "b", "a"]);
    await insertGroupMembers(store, id, "g1", ["b", "c"]);
    await insertGroupMembers(store, id, "g2", []);
    const rows = await store.db.selectFrom("group_members").selectAll().orderBy("user_id").execute();
    expect(rows).toEqual(["a", "b", "c"].map((user_id) => ({ snapshot_id: id, group_id: "g1", user_id })));
  });

  it("prunes registrations and group members with the users, and nothing before the first complete sync", async () => {
    store = await target.open();
    const running = await beginSyncRun(store, t0);
    await insertDirectoryUsers(store, running, [user("a")]);
    await insertRegistrations(store, running, [registration("a")]);
    await insertGroupMembers(store, running, "g1", ["a"]);
    await pruneSnapshots(store);
    expect(await store.db.selectFrom("group_members").select("snapshot_id").execute()).toEqual([{ snapshot_id: running }]);
    await completeSyncRun(store, running, t0, counts);
    const second = await beginSyncRun(store, t1);
    await completeSyncRun(store, second, t1, counts);
    const third = await beginSyncRun(store, minutes(3 * 24 * 60));
    await completeSyncRun(store, third, minutes(3 * 24 * 60), counts);
    await pruneSnapshots(store);
    expect(await store.db.selectFrom("registrations").select("snapshot_id").execute()).toEqual([]);
    expect(await store.db.selectFrom("group_members").select("snapshot_id").execute()).toEqual([]);
  });

  it("starts a run as running, and completes it with its counts", async () => {
    store = await target.open();
    const id = await beginSyncRun(store, t0);
    expect(await store.db.selectFrom("sync_runs").selectAll().execute()).toEqual([
      {
        id,
        started_at: t0.toISOString(),
        heartbeat_at: t0.toISOString(),
        finished_at: null,
        status: "running",
        error: null,
        users: 0,
        registrations: 0,
        report_pages: 0,
        user_pages: 0,
        report_read: "full",
        directory_read: "full",
        delta_link: null,
      },
    ]);
    await recordSyncProgress(store, id, minutes(1), { users: 10, registrations: 8, report_pages: 1, user_pages: 2 });
    expect(
      await store.db.selectFrom("sync_runs").select(["heartbeat_at", "users", "registrations", "report_pages", "user_pages"]).execute(),
    ).toEqual([{ heartbeat_at: minutes(1).toISOString(), users: 10, registrations: 8, report_pages: 1, user_pages: 2 }]);
    await completeSyncRun(
      store,
      id,
      minutes(2),
      { users: 20, registrations: 18, report_pages: 2, user_pages: 3 },
      { report_read: "filtered", directory_read: "delta", delta_link: "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=t" },
    );
    expect(await store.db.selectFrom("sync_runs").selectAll().execute()).toEqual([
      {
        id,
        started_at: t0.toISOString(),
        heartbeat_at: minutes(2).toISOString(),
        finished_at: minutes(2).toISOString(),
        status: "complete",
        error: null,
        users: 20,
        registrations: 18,
        report_pages: 2,
        user_pages: 3,
        report_read: "filtered",
        directory_read: "delta",
        delta_link: "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=t",
      },
    ]);
  });

  it("refuses a second sync, naming the one running and what to do", async () => {
    store = await target.open();
    const id = await beginSyncRun(store, t0);
    await expect(beginSyncRun(store, minutes(1))).rejects.toMatchObject({
      code: "sync_already_running",
      message: `Another sync (${id}) is running.`,
      hint: "Wait for it to finish; a sync that died is taken over after five minutes without progress.",
    });
  });

  it("takes over a sync only after five minutes without progress, marking it abandoned", async () => {
    store = await target.open();
    const silent = await beginSyncRun(store, t0);
    await recordSyncProgress(store, silent, minutes(4), counts);
    await expect(beginSyncRun(store, minutes(9))).rejects.toMatchObject({ code: "sync_already_running" });
    const next = await beginSyncRun(store, new Date(minutes(9).getTime() + 1));
    const runs = await store.db.selectFrom("sync_runs").select(["id", "status", "error", "finished_at"]).execute();
    expect(runs.sort((a, b) => (a.id === silent ? -1 : b.id === silent ? 1 : 0))).toEqual([
      {
        id: silent,
        status: "failed",
        error: "abandoned: its process stopped before finishing",
        finished_at: new Date(minutes(9).getTime() + 1).toISOString(),
      },
      { id: next, status: "running", error: null, finished_at: null },
    ]);
  });

  it("records a failed sync with its error, cut to 2000 characters", async () => {
    store = await target.open();
    const id = await beginSyncRun(store, t0);
    await failSyncRun(store, id, minutes(3), `Graph answered 503: ${"x".repeat(3000)}`);
    const run = await store.db.selectFrom("sync_runs").select(["status", "error", "finished_at"]).executeTakeFirstOrThrow();
    expect(run).toEqual({ status: "failed", error: `Graph answered 503: ${"x".repeat(1980)}`, finished_at: minutes(3).toISOString() });
  });
});
