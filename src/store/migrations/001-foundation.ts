import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../dialect.js";

/** Sync runs, directory snapshots, registration state, daily figures and the audit log. */
export function foundation(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("sync_runs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("heartbeat_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("error", "text")
        .addColumn("users", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("registrations", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("report_pages", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("user_pages", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex("sync_runs_status_finished").on("sync_runs").columns(["status", "finished_at"]).execute();

      await db.schema
        .createTable("directory_users")
        .addColumn("snapshot_id", "text", (c) => c.notNull())
        .addColumn("id", "text", (c) => c.notNull())
        .addColumn("user_principal_name", "text", (c) => c.notNull())
        .addColumn("display_name", "text")
        .addColumn("given_name", "text")
        .addColumn("mail", "text")
        .addColumn("department", "text")
        .addColumn("job_title", "text")
        .addColumn("account_enabled", "integer", (c) => c.notNull())
        .addColumn("user_type", "text")
        .addColumn("manager_id", "text")
        .addColumn("preferred_language", "text")
        .addColumn("usage_location", "text")
        .addPrimaryKeyConstraint("directory_users_pk", ["snapshot_id", "id"])
        .execute();
      await db.schema.createIndex("directory_users_manager").on("directory_users").columns(["snapshot_id", "manager_id"]).execute();
      await db.schema.createIndex("directory_users_upn").on("directory_users").columns(["snapshot_id", "user_principal_name"]).execute();

      await db.schema
        .createTable("registrations")
        .addColumn("snapshot_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("user_principal_name", "text", (c) => c.notNull())
        .addColumn("is_admin", "integer", (c) => c.notNull())
        .addColumn("is_mfa_registered", "integer", (c) => c.notNull())
        .addColumn("is_mfa_capable", "integer", (c) => c.notNull())
        .addColumn("methods_registered", "text", (c) => c.notNull())
        .addColumn("user_type", "text")
        .addColumn("last_updated_at", "text")
        .addPrimaryKeyConstraint("registrations_pk", ["snapshot_id", "user_id"])
        .execute();

      await db.schema
        .createTable("registration_firsts")
        .addColumn("user_id", "text", (c) => c.primaryKey())
        .addColumn("first_seen_registered_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("daily_figures")
        .addColumn("day", "text", (c) => c.primaryKey())
        .addColumn("users", "integer", (c) => c.notNull())
        .addColumn("members", "integer", (c) => c.notNull())
        .addColumn("registered", "integer", (c) => c.notNull())
        .addColumn("admins", "integer", (c) => c.notNull())
        .addColumn("admins_registered", "integer", (c) => c.notNull())
        .addColumn("recorded_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("audit_log")
        .addColumn("id", dialect === "postgres" ? "serial" : "integer", (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_kind", "text", (c) => c.notNull())
        .addColumn("actor_id", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("subject_id", "text")
        .addColumn("detail", "text")
        .execute();
      await db.schema.createIndex("audit_log_subject").on("audit_log").columns(["subject_id", "at"]).execute();
    },
  };
}
