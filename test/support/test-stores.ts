import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";
import { createLogger } from "../../src/log/create-logger.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { freshPostgresSchema } from "./postgres-connections.js";

export interface StoreTarget {
  readonly name: "sqlite" | "postgres";
  /** A fresh, empty, migrated store; each call is isolated from the others. */
  open(): Promise<Store>;
  /** The DATABASE_URL that reaches the last store `open` made (for spawning the CLI). */
  readonly lastUrl: () => string;
}

/**
 * One suite per store: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. Without it the
 * PostgreSQL suite is still listed, and reported as skipped with the reason in its name, so a run
 * without a database says what it did not test instead of leaving it out silently.
 */
export function describeEachStore(name: string, body: (target: StoreTarget) => void): void {
  const pgUrl = process.env.TEST_DATABASE_URL;
  describe(`${name} on sqlite`, () => body(sqliteTarget()));
  describe.skipIf(!pgUrl)(`${name} on postgres${pgUrl ? "" : " (skipped: TEST_DATABASE_URL is not set)"}`, () =>
    body(postgresTarget(pgUrl ?? "")),
  );
}

export function sqliteTarget(): StoreTarget {
  let url = "";
  return {
    name: "sqlite",
    lastUrl: () => url,
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), "mfa-nudge-test-"));
      url = `sqlite:${join(dir, "store.sqlite")}`;
      return openStore({ kind: "sqlite", path: join(dir, "store.sqlite") }, createLogger("silent"));
    },
  };
}

export function postgresTarget(baseUrl: string): StoreTarget {
  let url = "";
  return {
    name: "postgres",
    lastUrl: () => url,
    open: async () => {
      // Its connections are named after the schema, so a test can find (and drop) exactly these.
      const schema = await freshPostgresSchema(baseUrl, `t_${randomBytes(6).toString("hex")}`);
      url = schema.url;
      const store = await openStore({ kind: "postgres", url }, createLogger("silent"));
      return {
        ...store,
        close: async () => {
          await store.close();
          await schema.drop();
        },
      };
    },
  };
}
