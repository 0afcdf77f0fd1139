import type { Kysely, Migration } from "kysely";

/**
 * What an incremental sync needs from the last one: how each source was read (in full, or only
 * its changes) and the deltaLink /users/delta handed out. Runs recorded before this were full
 * reads of both; without a deltaLink the next sync reads the directory in full again.
 * Also drops two indexes nothing reads by (see below).
 */
export function incrementalSync(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("sync_runs")
        .addColumn("report_read", "text", (c) => c.notNull().defaultTo("full"))
        .execute();
      await db.schema
        .alterTable("sync_runs")
        .addColumn("directory_read", "text", (c) => c.notNull().defaultTo("full"))
        .execute();
      await db.schema.alterTable("sync_runs").addColumn("delta_link", "text").execute();
      // An incremental sync copies the directory into each new snapshot, and every index is paid
      // for on each copy and each prune. No query reads by these two: people are read by id, and
      // a UPN is compared lower-cased, which an index on the plain column cannot serve.
      await db.schema.dropIndex("directory_users_manager").execute();
      await db.schema.dropIndex("directory_users_upn").execute();
    },
  };
}
