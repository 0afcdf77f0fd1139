import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Dialect as KyselyDialect } from "kysely";
import pg from "pg";
import type { Logger } from "pino";
import type { DatabaseTarget } from "../config/config.js";
import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import { createLogger } from "../log/create-logger.js";
import type { Dialect } from "./dialect.js";
import { migrateStore } from "./migrate-store.js";
import type { Schema } from "./schema.js";

export interface Store {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  close(): Promise<void>;
}

/**
 * Opens the store named by DATABASE_URL and brings its schema up to date. Any failure, from a
 * file that is not a database to a server that refuses us, is one coded error (exit status 1)
 * naming the store and what went wrong, never a stack trace.
 */
export async function openStore(target: DatabaseTarget, log: Logger = createLogger("warn")): Promise<Store> {
  let db: Kysely<Schema> | undefined;
  try {
    db = new Kysely<Schema>({ dialect: target.kind === "sqlite" ? await sqliteDialect(target.path) : postgresDialect(target.url, log) });
    const store: Store = { db, dialect: target.kind, close: () => (db as Kysely<Schema>).destroy() };
    await migrateStore(store);
    return store;
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    const where = target.kind === "postgres" ? "the PostgreSQL store (DATABASE_URL)" : `the SQLite store at ${target.path}`;
    throw new AppError(ErrorCode.StoreFailed, `Could not open ${where}: ${firstLine(error)}`, {
      cause: error,
      hint:
        target.kind === "postgres"
          ? "Check DATABASE_URL: host, port, database and credentials."
          : `Check that ${target.path} is a SQLite database (or absent, to create one) in a folder this user can write to.`,
    });
  }
}

async function sqliteDialect(path: string): Promise<KyselyDialect> {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  try {
    // The busy timeout first: another process may hold the file while this one switches to WAL.
    database.pragma("busy_timeout = 5000");
    await switchToWal(database);
    database.pragma("synchronous = NORMAL");
  } catch (error) {
    database.close();
    throw error;
  }
  return new SqliteDialect({ database });
}

/*
 * WAL lets the server read while a sync writes. Two processes switching a fresh file at the same
 * moment can each hold the lock the other needs; SQLite then refuses one at once ("database is
 * locked") rather than wait, so the switch is tried again after a moment, a few times.
 */
async function switchToWal(database: BetterSqlite3.Database): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      database.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

/*
 * A connection the server drops (a failover, a restart, an idle cut, pg_terminate_backend) makes
 * its pg.Client emit 'error'. The pool listens on idle clients and re-emits on itself; a client
 * checked out between two queries has no listener at all. Unheard, either ends the process. Both
 * are listened to here: the pool discards the broken client and opens a new one on demand, the
 * query that was running fails with its own error, and the next one gets a fresh connection.
 */
function postgresDialect(url: string, log: Logger): KyselyDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Shows in pg_stat_activity; a connection string's own application_name wins.
    application_name: "mfa-nudge",
    // count(*) and sums come back as int8; our counts fit in a double, so read them as numbers.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === 20
          ? (value: string) => Number(value)
          : (pg.types.getTypeParser(oid, format) as unknown)) as pg.CustomTypesConfig["getTypeParser"],
    },
  });
  pool.on("connect", (client) =>
    client.on("error", (error: Error) =>
      log.warn({ error: error.message }, "a database connection was lost; the next query opens another"),
    ),
  );
  // The pool re-emits an idle client's error, which the client's own listener above has logged.
  pool.on("error", () => undefined);
  return new PostgresDialect({ pool });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
