import { sql } from "kysely";
import type { Store } from "./open-store.js";

/**
 * Runs `work` only on the instance that wins `role` for this moment. On PostgreSQL the winner
 * holds a session advisory lock (pg_try_advisory_lock, on a connection of its own) for as long as
 * the work runs: the others do not wait, they are told at once that someone else leads. Should
 * the leader die, the server ends its session and the lock is free for the next attempt. SQLite
 * serves one instance, which always leads.
 */
export async function runAsLeader<T>(
  store: Store,
  role: string,
  work: () => Promise<T>,
): Promise<{ led: true; result: T } | { led: false }> {
  if (store.dialect !== "postgres") return { led: true, result: await work() };
  return store.db.connection().execute(async (db) => {
    const key = sql<number>`hashtext(${`mfa-nudge ${role} `} || current_schema())`;
    const { rows } = await sql<{ won: boolean }>`select pg_try_advisory_lock(${key}) as won`.execute(db);
    if (!rows[0]?.won) return { led: false as const };
    try {
      return { led: true as const, result: await work() };
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(db);
    }
  });
}

/**
 * Records that the run scheduled for `tick` (an instant, ISO 8601) has been taken, and says
 * whether this caller took it: false when this tick or a later one was taken already. Instances
 * whose timers fire a moment apart thus run a tick once, even when the first run has already
 * ended (and its lock been let go) by the time the last timer fires. Atomic on both stores.
 */
export async function takeTick(store: Store, role: string, tick: string, now: Date): Promise<boolean> {
  const key = `tick:${role}`;
  const { rows } = await sql<{ key: string }>`
    insert into app_state (key, value, updated_at) values (${key}, ${tick}, ${now.toISOString()})
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at
    where app_state.value < excluded.value
    returning key`.execute(store.db);
  return rows.length > 0;
}
