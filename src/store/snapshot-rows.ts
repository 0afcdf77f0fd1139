import type { DirectoryUser } from "../graph/directory-user.js";
import type { RegistrationDetails } from "../graph/registration-details.js";
import type { Store } from "./open-store.js";
import type { DirectoryUserTable, RegistrationTable } from "./schema.js";

/* Both dialects cap bound parameters per statement; 200 rows of ~12 columns stays far below. */
const batchSize = 200;

export async function insertDirectoryUsers(store: Store, snapshotId: string, users: readonly DirectoryUser[]): Promise<void> {
  const rows = lastWins(users, (u) => u.id).map((u): DirectoryUserTable => ({
    snapshot_id: snapshotId,
    id: u.id,
    user_principal_name: u.userPrincipalName,
    display_name: u.displayName,
    given_name: u.givenName,
    mail: u.mail,
    department: u.department,
    job_title: u.jobTitle,
    account_enabled: u.accountEnabled ? 1 : 0,
    user_type: u.userType,
    manager_id: u.managerId,
    preferred_language: u.preferredLanguage,
    usage_location: u.usageLocation,
  }));
  for (const batch of batches(rows)) {
    await store.db
      .insertInto("directory_users")
      .values(batch)
      // A delta round may list an object twice when it changed mid-round; the later copy is newer.
      .onConflict((oc) =>
        oc.columns(["snapshot_id", "id"]).doUpdateSet((eb) => ({
          user_principal_name: eb.ref("excluded.user_principal_name"),
          display_name: eb.ref("excluded.display_name"),
          given_name: eb.ref("excluded.given_name"),
          mail: eb.ref("excluded.mail"),
          department: eb.ref("excluded.department"),
          job_title: eb.ref("excluded.job_title"),
          account_enabled: eb.ref("excluded.account_enabled"),
          user_type: eb.ref("excluded.user_type"),
          manager_id: eb.ref("excluded.manager_id"),
          preferred_language: eb.ref("excluded.preferred_language"),
          usage_location: eb.ref("excluded.usage_location"),
        })),
      )
      .execute();
  }
}

export async function insertRegistrations(store: Store, snapshotId: string, rows: readonly RegistrationDetails[]): Promise<void> {
  const values = lastWins(rows, (r) => r.userId).map((r): RegistrationTable => ({
    snapshot_id: snapshotId,
    user_id: r.userId,
    user_principal_name: r.userPrincipalName,
    is_admin: r.isAdmin ? 1 : 0,
    is_mfa_registered: r.isMfaRegistered ? 1 : 0,
    is_mfa_capable: r.isMfaCapable ? 1 : 0,
    methods_registered: JSON.stringify(r.methodsRegistered),
    user_type: r.userType,
    last_updated_at: r.lastUpdatedDateTime,
  }));
  for (const batch of batches(values)) {
    await store.db
      .insertInto("registrations")
      .values(batch)
      .onConflict((oc) =>
        oc.columns(["snapshot_id", "user_id"]).doUpdateSet((eb) => ({
          user_principal_name: eb.ref("excluded.user_principal_name"),
          is_admin: eb.ref("excluded.is_admin"),
          is_mfa_registered: eb.ref("excluded.is_mfa_registered"),
          is_mfa_capable: eb.ref("excluded.is_mfa_capable"),
          methods_registered: eb.ref("excluded.methods_registered"),
          user_type: eb.ref("excluded.user_type"),
          last_updated_at: eb.ref("excluded.last_updated_at"),
        })),
      )
      .execute();
  }
}

export async function insertGroupMembers(store: Store, snapshotId: string, groupId: string, userIds: readonly string[]): Promise<void> {
  const rows = [...new Set(userIds)].map((user_id) => ({ snapshot_id: snapshotId, group_id: groupId, user_id }));
  for (const batch of batches(rows)) {
    await store.db
      .insertInto("group_members")
      .values(batch)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** PostgreSQL refuses one INSERT that touches the same key twice, so duplicates are folded first. */
function lastWins<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += batchSize) yield items.slice(i, i + batchSize);
}
