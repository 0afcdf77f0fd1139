import { Migrator, sql, type Kysely } from "kysely";
import type { Dialect } from "./dialect.js";
import { allMigrations } from "./migrations/all-migrations.js";
import type { Schema } from "./schema.js";

/**
 * Brings the schema up to date, one process at a time. Two processes starting on a fresh store
 * (the server and a CLI run, two replicas) would otherwise both find no tables and both create
 * them, and one would fail with "table already exists": Kysely's own lock covers the migrations
 * but not its bookkeeping tables, and on SQLite it locks nothing. The whole migration therefore
 * runs on one connection holding a lock: a session advisory lock on PostgreSQL, a write
 * transaction (BEGIN IMMEDIATE, waiting out the other's) on SQLite. The second process then finds
 * the schema current and does nothing.
 */
export async function migrateStore(store: { readonly db: Kysely<Schema>; readonly dialect: Dialect }): Promise<void> {
  await store.db.connection().execute(async (db) => {
    if (store.dialect === "postgres") {
      const key = await migrationLockKey(db);
      await sql`select pg_advisory_lock(${key})`.execute(db);
      try {
        await runMigrations(db, store.dialect);
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(db);
      }
      return;
    }
    // A migration on a fresh file takes well under a second; wait up to 30 s for another's.
    await sql`pragma busy_timeout = 30000`.execute(db);
    await sql`begin immediate`.execute(db);
    try {
      await runMigrations(db, store.dialect);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    } finally {
      await sql`pragma busy_timeout = 5000`.execute(db);
    }
  });
}

async function runMigrations(db: Kysely<Schema>, dialect: Dialect): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema it can see; pin it to ours so two
  // deployments sharing one database (in different schemas) never read each other's history.
  const schema =
    dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(allMigrations(dialect)) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
}

/** One lock per schema, so deployments sharing a database in different schemas do not wait for each other. */
async function migrationLockKey(db: Kysely<Schema>): Promise<number> {
  const row = (await sql<{ key: number }>`select hashtext('mfa-nudge migrations ' || current_schema()) as key`.execute(db)).rows[0];
  return row?.key ?? 0;
}
