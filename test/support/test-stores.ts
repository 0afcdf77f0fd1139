import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
 * SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). Each PostgreSQL store
 * gets its own schema through the connection's search_path, so suites never see each other.
 */
export function storeTargets(): StoreTarget[] {
  const targets: StoreTarget[] = [sqliteTarget()];
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) targets.push(postgresTarget(pgUrl));
  return targets;
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

function postgresTarget(baseUrl: string): StoreTarget {
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
