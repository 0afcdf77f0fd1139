import { sql } from "kysely";
import type { Person } from "../campaign/person.js";
import type { Store } from "./open-store.js";

/**
 * People of a snapshot in id order, a page at a time (keyset paging: flat memory and steady speed
 * however large the tenant), with their registration state and campaign group memberships.
 */
export async function readPeoplePage(store: Store, snapshotId: string, afterId: string, limit: number): Promise<Person[]> {
  const rows = await peopleQuery(store, snapshotId).where("u.id", ">", afterId).orderBy("u.id").limit(limit).execute();
  const first = rows[0]?.id;
  const last = rows[rows.length - 1]?.id;
  if (first === undefined || last === undefined) return [];
  // The page's ids are a range in the store's order: one statement, the same for every page.
  const groups = groupMap(
    await store.db
      .selectFrom("group_members")
      .select(["user_id", "group_id"])
      .where("snapshot_id", "=", snapshotId)
      .where("user_id", ">=", first)
      .where("user_id", "<=", last)
      .execute(),
  );
  return rows.map((r) => toPerson(r, groups));
}

type PeopleQuery = ReturnType<typeof peopleQuery>;

function peopleQuery(store: Store, snapshotId: string) {
  return store.db
    .selectFrom("directory_users as u")
    .leftJoin("registrations as r", (j) => j.onRef("r.snapshot_id", "=", "u.snapshot_id").onRef("r.user_id", "=", "u.id"))
    .select([
      "u.id",
      "u.user_principal_name",
      "u.display_name",
      "u.given_name",
      "u.department",
      "u.manager_id",
      "u.account_enabled",
      "u.user_type",
      "u.preferred_language",
      "r.is_admin",
      "r.is_mfa_registered",
      "r.methods_registered",
    ])
    .where("u.snapshot_id", "=", snapshotId);
}

type PeopleRow = Awaited<ReturnType<PeopleQuery["execute"]>>[number];

async function readPeople(store: Store, snapshotId: string, narrow: (q: PeopleQuery) => PeopleQuery): Promise<Person[]> {
  const rows = await narrow(peopleQuery(store, snapshotId)).execute();
  const groups = await groupsOf(
    store,
    snapshotId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toPerson(r, groups));
}

const noGroups: ReadonlySet<string> = new Set();

function toPerson(r: PeopleRow, groups: ReadonlyMap<string, Set<string>>): Person {
  return {
    id: r.id,
    userPrincipalName: r.user_principal_name,
    displayName: r.display_name,
    givenName: r.given_name,
    department: r.department,
    managerId: r.manager_id,
    accountEnabled: r.account_enabled === 1,
    userType: r.user_type,
    isAdmin: r.is_admin === 1,
    isMfaRegistered: r.is_mfa_registered === 1,
    methodsRegistered: r.methods_registered && r.methods_registered !== "[]" ? (JSON.parse(r.methods_registered) as string[]) : [],
    preferredLanguage: r.preferred_language,
    groupIds: groups.get(r.id) ?? noGroups,
  };
}

/** Everyone in a snapshot, page by page, in the store's id order. */
export async function* readAllPeople(store: Store, snapshotId: string, pageSize = 1000): AsyncGenerator<Person[]> {
  let after = "";
  for (;;) {
    const page = await readPeoplePage(store, snapshotId, after, pageSize);
    if (page.length === 0) return;
    yield page;
    after = (page[page.length - 1] as Person).id;
  }
}

/** People by id (any number): managers, single lookups, card actions. */
export async function readPeopleByIds(store: Store, snapshotId: string, ids: readonly string[]): Promise<Map<string, Person>> {
  const found = new Map<string, Person>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    for (const person of await readPeople(store, snapshotId, (q) => q.where("u.id", "in", chunk))) found.set(person.id, person);
  }
  return found;
}

/** One person by UPN (case-insensitive) or object id. */
export async function findPerson(store: Store, snapshotId: string, upnOrId: string): Promise<Person | undefined> {
  const key = upnOrId.trim().toLowerCase();
  const [person] = await readPeople(store, snapshotId, (q) =>
    q.where((eb) => eb.or([eb(eb.fn("lower", ["u.user_principal_name"]), "=", key), eb("u.id", "=", key)])).limit(1),
  );
  return person;
}

async function groupsOf(store: Store, snapshotId: string, userIds: string[]): Promise<Map<string, Set<string>>> {
  const byUser = new Map<string, Set<string>>();
  if (userIds.length === 0) return byUser;
  const rows = await store.db
    .selectFrom("group_members")
    .select(["user_id", "group_id"])
    .where("snapshot_id", "=", snapshotId)
    .where("user_id", "in", userIds)
    .execute();
  return groupMap(rows);
}

function groupMap(rows: readonly { user_id: string; group_id: string }[]): Map<string, Set<string>> {
  const byUser = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = byUser.get(row.user_id) ?? new Set<string>();
    set.add(row.group_id);
    byUser.set(row.user_id, set);
  }
  return byUser;
}

/** People whose display name contains `text` (case-insensitive), for `/mfa user <name>`. */
export async function searchPeopleByName(store: Store, snapshotId: string, text: string, limit: number): Promise<Person[]> {
  const pattern = `%${text
    .trim()
    .toLowerCase()
    .replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return readPeople(store, snapshotId, (q) =>
    q
      .where((eb) => eb(eb.fn("lower", ["u.display_name"]), "like", sql<string>`${pattern} escape '\\'`))
      .orderBy("u.display_name")
      .limit(limit),
  );
}
