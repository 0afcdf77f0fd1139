import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { DatabaseTarget } from "../config/config.js";
import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { Dialect } from "./dialect.js";
import { allMigrations } from "./migrations/all-migrations.js";
import type { Schema } from "./schema.js";

export interface Store {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  close(): Promise<void>;
}

/** Opens the store named by DATABASE_URL and brings its schema up to date. */
export async function openStore(target: DatabaseTarget): Promise<Store> {
  const dialect: Dialect = target.kind;
  const db = new Kysely<Schema>({ dialect: target.kind === "sqlite" ? sqliteDialect(target.path) : postgresDialect(target.url) });
  const store: Store = { db, dialect, close: () => db.destroy() };
  try {
    await migrate(store);
  } catch (error) {
    await db.destroy();
    throw new AppError(ErrorCode.StoreFailed, `Could not open the store: ${(error as Error).message}`, {
      cause: error,
      hint:
        target.kind === "postgres" ? "Check DATABASE_URL: host, port, database and credentials." : `Check that ${target.path} is writable.`,
    });
  }
  return store;
}

async function migrate(store: Store): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema it can see; pin it to ours so two
  // deployments sharing one database (in different schemas) never read each other's history.
  const schema =
    store.dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: () => Promise.resolve(allMigrations(store.dialect)) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
}

function sqliteDialect(path: string): SqliteDialect {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  // WAL lets the server read while a sync writes; the busy timeout rides out a concurrent CLI run.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 5000");
  return new SqliteDialect({ database });
}

function postgresDialect(url: string): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // count(*) and sums come back as int8; our counts fit in a double, so read them as numbers.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === 20
          ? (value: string) => Number(value)
          : (pg.types.getTypeParser(oid, format) as unknown)) as pg.CustomTypesConfig["getTypeParser"],
    },
  });
  return new PostgresDialect({ pool });
}
