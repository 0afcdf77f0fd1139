import { sql } from "kysely";
import type { Store } from "./open-store.js";
import { currentSnapshot } from "./sync-runs.js";

/** The rollout's headline numbers. Field names are the `status --json` contract. */
export interface StatusFigures {
  readonly users: number;
  readonly members: number;
  readonly registered: number;
  readonly notRegistered: number;
  readonly admins: number;
  readonly adminsNotRegistered: number;
  readonly percentRegistered: number;
  readonly lastSync: string | null;
  readonly byDepartment: Readonly<Record<string, { readonly members: number; readonly registered: number }>>;
}

/*
 * A member is an enabled account that is not a guest. Someone the registration report does not
 * list yet (it lags by hours) counts as not registered: they have had no chance to register.
 */
const isMember = sql<boolean>`u.account_enabled = 1 and lower(coalesce(u.user_type, 'member')) <> 'guest'`;
const isRegistered = sql<boolean>`coalesce(r.is_mfa_registered, 0) = 1`;
const isAdmin = sql<boolean>`coalesce(r.is_admin, 0) = 1`;
const department = sql<string>`coalesce(nullif(trim(u.department), ''), '(none)')`;

/** Figures for a snapshot (default: the current one); zeros before the first sync. */
export async function readStatusFigures(store: Store, snapshotId?: string): Promise<StatusFigures> {
  const snapshot = snapshotId ? { id: snapshotId, finished_at: null } : await currentSnapshot(store);
  if (!snapshot) return emptyFigures();
  const id = snapshot.id;

  const totals = await sql<{ users: number; members: number; registered: number; admins: number; admins_registered: number }>`
    select count(*) as users,
      coalesce(sum(case when ${isMember} then 1 else 0 end), 0) as members,
      coalesce(sum(case when ${isMember} and ${isRegistered} then 1 else 0 end), 0) as registered,
      coalesce(sum(case when ${isMember} and ${isAdmin} then 1 else 0 end), 0) as admins,
      coalesce(sum(case when ${isMember} and ${isAdmin} and ${isRegistered} then 1 else 0 end), 0) as admins_registered
    from directory_users u
    left join registrations r on r.snapshot_id = u.snapshot_id and r.user_id = u.id
    where u.snapshot_id = ${id}`.execute(store.db);

  const departments = await sql<{ department: string; members: number; registered: number }>`
    select ${department} as department,
      count(*) as members,
      coalesce(sum(case when ${isRegistered} then 1 else 0 end), 0) as registered
    from directory_users u
    left join registrations r on r.snapshot_id = u.snapshot_id and r.user_id = u.id
    where u.snapshot_id = ${id} and ${isMember}
    group by ${department}
    order by 1`.execute(store.db);

  const t = totals.rows[0] ?? { users: 0, members: 0, registered: 0, admins: 0, admins_registered: 0 };
  const members = Number(t.members);
  const registered = Number(t.registered);
  const admins = Number(t.admins);
  return {
    users: Number(t.users),
    members,
    registered,
    notRegistered: members - registered,
    admins,
    adminsNotRegistered: admins - Number(t.admins_registered),
    percentRegistered: members === 0 ? 0 : Math.round((registered / members) * 1000) / 10,
    lastSync: snapshot.finished_at,
    byDepartment: Object.fromEntries(
      departments.rows.map((d) => [d.department, { members: Number(d.members), registered: Number(d.registered) }]),
    ),
  };
}

function emptyFigures(): StatusFigures {
  return {
    users: 0,
    members: 0,
    registered: 0,
    notRegistered: 0,
    admins: 0,
    adminsNotRegistered: 0,
    percentRegistered: 0,
    lastSync: null,
    byDepartment: {},
  };
}
