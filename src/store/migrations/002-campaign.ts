import type { Kysely, Migration } from "kysely";

/** Group membership per snapshot, what we know of each person, per-person deadlines, the outbox. */
export function campaign(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("group_members")
        .addColumn("snapshot_id", "text", (c) => c.notNull())
        .addColumn("group_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("group_members_pk", ["snapshot_id", "group_id", "user_id"])
        .execute();
      await db.schema.createIndex("group_members_user").on("group_members").columns(["snapshot_id", "user_id"]).execute();

      await db.schema
        .createTable("people_state")
        .addColumn("user_id", "text", (c) => c.primaryKey())
        .addColumn("time_zone", "text")
        .addColumn("snoozed_until", "text")
        .addColumn("snooze_count", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("last_answer_at", "text")
        .addColumn("confirmed_registered_at", "text")
        .addColumn("unreachable_until", "text")
        .addColumn("unreachable_reason", "text")
        .addColumn("conversation_id", "text")
        .addColumn("service_url", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("phase_deadlines")
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("phase", "text", (c) => c.notNull())
        .addColumn("deadline", "text", (c) => c.notNull())
        .addColumn("set_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("phase_deadlines_pk", ["user_id", "phase"])
        .execute();

      await db.schema
        .createTable("outbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        // kind:subject:phase:step. Unique, so planning the same step twice inserts nothing.
        .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("recipient_id", "text", (c) => c.notNull())
        .addColumn("phase", "text")
        .addColumn("step", "text")
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("not_before", "text", (c) => c.notNull())
        .addColumn("lease_until", "text")
        .addColumn("claimed_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("sent_at", "text")
        .addColumn("activity_id", "text")
        .addColumn("conversation_id", "text")
        .addColumn("last_error", "text")
        .execute();
      await db.schema.createIndex("outbox_ready").on("outbox").columns(["status", "not_before"]).execute();
      await db.schema.createIndex("outbox_user").on("outbox").columns(["user_id", "kind"]).execute();
      await db.schema.createIndex("outbox_recipient").on("outbox").columns(["recipient_id"]).execute();

      await db.schema
        .createTable("app_state")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text")
        .execute();
    },
  };
}
