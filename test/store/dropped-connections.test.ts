import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportFailure } from "../../src/cli/report-failure.js";
import type { Store } from "../../src/store/open-store.js";
import { dropConnections, waitForConnections } from "../support/postgres-connections.js";
import { postgresTarget } from "../support/test-stores.js";

const pgUrl = process.env.TEST_DATABASE_URL;
const postgres = postgresTarget(pgUrl ?? "");

// What a PostgreSQL failover, restart or idle cut does to the bot's connections (pg_terminate_backend).
describe.skipIf(!pgUrl)(
  `the PostgreSQL store when the server drops its connections${pgUrl ? "" : " (skipped: TEST_DATABASE_URL is not set)"}`,
  () => {
    let store: Store;
    let appName: string;

    beforeEach(async () => {
      store = await postgres.open();
      appName = new URL(postgres.lastUrl()).searchParams.get("application_name") ?? "";
    });
    afterEach(async () => {
      await store?.close();
    });

    const one = async () => (await sql<{ one: number }>`select 1 as one`.execute(store.db)).rows[0]?.one;

    it("keeps answering after its idle connections are dropped", async () => {
      await Promise.all([one(), one(), one()]);
      expect(await dropConnections(pgUrl!, appName, "idle")).toBeGreaterThan(0);
      // The pool hears each one end (the server says why before it closes) and discards it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await one()).toBe(1);
    });

    it("fails the query that was running on a dropped connection, and answers the next", async () => {
      const running = sql`select pg_sleep(20)`.execute(store.db);
      const outcome = running.then(
        () => "finished",
        (error: Error) => error.message,
      );
      await waitForConnections(pgUrl!, appName, "active");
      await dropConnections(pgUrl!, appName, "all");
      expect(await outcome).toMatch(/terminat/i);
      // The idle ones ended too; a query sent in the same instant as an end fails like the running one.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await one()).toBe(1);
    });

    it("reports a query's dropped connection as one coded line with its hint, exit status 1", async () => {
      const failure = sql`select pg_sleep(20)`.execute(store.db).then(
        () => undefined,
        (error: unknown) => error,
      );
      await waitForConnections(pgUrl!, appName, "active");
      await dropConnections(pgUrl!, appName, "all");
      let printed = "";
      expect(reportFailure(await failure, (text) => (printed += text))).toBe(1);
      expect(printed).toBe(
        "mfa-nudge: The database dropped the connection mid-run: terminating connection due to administrator command\n" +
          "  Nothing is lost: run the command again once the database is back (start's schedule does so at its next tick).\n",
      );
    });

    it("fails only the transaction whose connection was dropped between two of its statements", async () => {
      let dropped!: () => void;
      const droppedNow = new Promise<void>((resolve) => (dropped = resolve));
      const transaction = store.db
        .transaction()
        .execute(async (trx) => {
          await sql`select 1`.execute(trx);
          await droppedNow;
          await sql`select 2`.execute(trx);
          return "committed";
        })
        .catch(() => "failed");
      await waitForConnections(pgUrl!, appName, "idle in transaction");
      await dropConnections(pgUrl!, appName, "all");
      // Checked out but between queries, the connection had nobody listening for its end.
      await new Promise((resolve) => setTimeout(resolve, 200));
      dropped();
      expect(await transaction).toBe("failed");
      expect(await one()).toBe(1);
    });
  },
);
