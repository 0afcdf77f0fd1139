import type { Kysely, Migration } from "kysely";

/**
 * The sign-ins Entra ID interrupted because the person had no second factor yet (error 50072 or
 * 50079), read from the sign-in log each run. Keyed by the log entry's id, so reading an overlapping
 * window twice keeps each once.
 */
export function signInInterrupts(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("sign_in_interrupts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("app", "text", (c) => c.notNull())
        .addColumn("error_code", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sign_in_interrupts_user").on("sign_in_interrupts").columns(["user_id", "created_at"]).execute();
      await db.schema.createIndex("sign_in_interrupts_created").on("sign_in_interrupts").column("created_at").execute();
    },
  };
}
