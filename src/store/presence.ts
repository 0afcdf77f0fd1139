import { sql } from "kysely";
import type { Store } from "./open-store.js";

/*
 * Who is still sending. On PostgreSQL a sender holds a session advisory lock for as long as it
 * claims rows, on a connection of its own; when its process dies (kill -9, a lost container) the
 * server ends the session and the lock with it. Another instance then sees the lock gone and takes
 * the dead sender's claims back at once, instead of waiting for their lease to run out. SQLite has
 * one instance, whose orphaned claims release-orphaned-claims finds by process id.
 */

export interface Presence {
  /** Lets go of the lock (the sender has finished). */
  release(): Promise<void>;
}

const held = { release: () => Promise.resolve() };

/** The first half of every presence lock's key: one per schema, so deployments sharing a database keep apart. */
const presenceClass = sql<number>`hashtext('mfa-nudge presence ' || current_schema())`;

/** Holds `worker`'s presence until released; a no-op on SQLite. */
export async function holdPresence(store: Store, worker: string): Promise<Presence> {
  if (store.dialect !== "postgres") return held;
  let letGo: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (letGo = resolve));
  let signalHeld: (error?: Error) => void = () => undefined;
  const taken = new Promise<void>((resolve, reject) => (signalHeld = (error) => (error === undefined ? resolve() : reject(error))));
  const session = store.db
    .connection()
    .execute(async (db) => {
      await sql`select pg_advisory_lock(${presenceClass}, hashtext(${worker}))`.execute(db);
      try {
        // Listed only once the lock is held, so a listed worker without its lock is surely gone.
        await sql`insert into live_workers (worker) values (${worker}) on conflict (worker) do nothing`.execute(db);
        signalHeld();
        await released;
        await sql`delete from live_workers where worker = ${worker}`.execute(db);
      } finally {
        await sql`select pg_advisory_unlock(${presenceClass}, hashtext(${worker}))`.execute(db);
      }
    })
    .catch((error: unknown) => signalHeld(error instanceof Error ? error : new Error(String(error))));
  await taken;
  return {
    release: async () => {
      letGo();
      await session;
    },
  };
}

/**
 * Puts back the claims of listed senders whose presence lock is gone (their instance died), ready
 * now, and forgets those senders. Returns how many rows went back. Nothing to do on SQLite.
 */
export async function releaseClaimsOfDeparted(store: Store, now: Date): Promise<number> {
  if (store.dialect !== "postgres") return 0;
  const { rows } = await sql<{ released: number }>`
    with departed as (
      select w.worker from live_workers w
      where not exists (
        select 1 from pg_locks l
        where l.locktype = 'advisory' and l.granted and l.objsubid = 2
          and l.database = (select oid from pg_database where datname = current_database())
          and l.classid = (${presenceClass}::bigint & 4294967295)::oid
          and l.objid = (hashtext(w.worker)::bigint & 4294967295)::oid)
    ), released as (
      update outbox set status = 'pending', lease_until = null, not_before = ${now.toISOString()},
        last_error = 'released: its sender stopped mid-send'
      where status = 'sending' and claimed_by in (select worker from departed)
      returning id
    ), forgotten as (
      delete from live_workers where worker in (select worker from departed)
    )
    select count(*) as released from released`.execute(store.db);
  return Number(rows[0]?.released ?? 0);
}
