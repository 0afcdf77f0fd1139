import { sql } from "kysely";
import type { DirectoryUserPatch } from "../graph/directory-user.js";
import type { Store } from "./open-store.js";
import type { DirectoryUserTable } from "./schema.js";

const directoryColumns = [
  "id",
  "user_principal_name",
  "display_name",
  "given_name",
  "mail",
  "department",
  "job_title",
  "account_enabled",
  "user_type",
  "manager_id",
  "preferred_language",
  "usage_location",
] as const;
const registrationColumns = [
  "user_id",
  "user_principal_name",
  "is_admin",
  "is_mfa_registered",
  "is_mfa_capable",
  "methods_registered",
  "user_type",
  "last_updated_at",
] as const;

/**
 * Starts a new snapshot from the current one's rows of a table, inside the database (one
 * INSERT ... SELECT, nothing through this process), so an incremental sync only has to apply what
 * changed.
 */
export async function carryRows(store: Store, table: "directory_users" | "registrations", fromId: string, toId: string): Promise<void> {
  const columns = sql.join((table === "directory_users" ? directoryColumns : registrationColumns).map((c) => sql.ref(c)));
  await sql`insert into ${sql.table(table)} (snapshot_id, ${columns})
    select ${toId}, ${columns} from ${sql.table(table)} where snapshot_id = ${fromId}`.execute(store.db);
}

/** Drops a snapshot's rows of a table: a carried copy given up for a full read. */
export async function clearRows(store: Store, table: "directory_users" | "registrations", snapshotId: string): Promise<void> {
  await store.db.deleteFrom(table).where("snapshot_id", "=", snapshotId).execute();
}

/**
 * Applies what /users/delta reported for one user: only the properties it sent change. A user the
 * snapshot does not hold yet (created, or restored from the recycle bin) is added with what came.
 */
export async function patchDirectoryUser(store: Store, snapshotId: string, patch: DirectoryUserPatch): Promise<void> {
  const set: Partial<DirectoryUserTable> = {};
  const f = patch.fields;
  if (f.userPrincipalName !== undefined) set.user_principal_name = f.userPrincipalName;
  if (f.displayName !== undefined) set.display_name = f.displayName;
  if (f.givenName !== undefined) set.given_name = f.givenName;
  if (f.mail !== undefined) set.mail = f.mail;
  if (f.department !== undefined) set.department = f.department;
  if (f.jobTitle !== undefined) set.job_title = f.jobTitle;
  if (f.accountEnabled !== undefined) set.account_enabled = f.accountEnabled ? 1 : 0;
  if (f.userType !== undefined) set.user_type = f.userType;
  if (f.managerId !== undefined) set.manager_id = f.managerId;
  if (f.preferredLanguage !== undefined) set.preferred_language = f.preferredLanguage;
  if (f.usageLocation !== undefined) set.usage_location = f.usageLocation;
  if (Object.keys(set).length === 0) return;
  const updated = await store.db
    .updateTable("directory_users")
    .set(set)
    .where("snapshot_id", "=", snapshotId)
    .where("id", "=", patch.id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await store.db
    .insertInto("directory_users")
    .values({
      snapshot_id: snapshotId,
      id: patch.id,
      user_principal_name: f.userPrincipalName ?? patch.id,
      display_name: f.displayName ?? null,
      given_name: f.givenName ?? null,
      mail: f.mail ?? null,
      department: f.department ?? null,
      job_title: f.jobTitle ?? null,
      account_enabled: f.accountEnabled === false ? 0 : 1,
      user_type: f.userType ?? null,
      manager_id: f.managerId ?? null,
      preferred_language: f.preferredLanguage ?? null,
      usage_location: f.usageLocation ?? null,
    })
    .execute();
}

/** Users /users/delta reported removed (recycle bin or deleted for good) leave the snapshot. */
export async function removeDirectoryUsers(store: Store, snapshotId: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await store.db.deleteFrom("directory_users").where("snapshot_id", "=", snapshotId).where("id", "in", chunk).execute();
  }
}

/** Report rows that say "not registered": the list a filtered read must find each of again, or learn why not. */
export async function readUnregisteredIds(store: Store, snapshotId: string): Promise<Set<string>> {
  const rows = await store.db
    .selectFrom("registrations")
    .select("user_id")
    .where("snapshot_id", "=", snapshotId)
    .where("is_mfa_registered", "=", 0)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

export async function deleteRegistrations(store: Store, snapshotId: string, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await store.db.deleteFrom("registrations").where("snapshot_id", "=", snapshotId).where("user_id", "in", chunk).execute();
  }
}
