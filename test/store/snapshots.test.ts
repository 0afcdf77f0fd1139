import { afterEach, describe, expect, it } from "vitest";
import type { DirectoryUser } from "../../src/graph/directory-user.js";
import type { RegistrationDetails } from "../../src/graph/registration-details.js";
import { completeSyncRun } from "../../src/store/complete-sync-run.js";
import type { Store } from "../../src/store/open-store.js";
import { insertDirectoryUsers, insertRegistrations } from "../../src/store/snapshot-rows.js";
import { readStatusFigures } from "../../src/store/status-figures.js";
import { beginSyncRun, currentSnapshot, failSyncRun, pruneSnapshots } from "../../src/store/sync-runs.js";
import { storeTargets } from "../support/test-stores.js";
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

describe.each(storeTargets())("the store on $name", (target) => {
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
});
