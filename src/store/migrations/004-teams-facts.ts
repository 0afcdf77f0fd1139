import type { Kysely, Migration } from "kysely";

/**
 * What Teams tells us beyond a chat and a time zone: the code Graph or the Bot Connector refused a
 * person with (a policy block and a person who blocked the bot are told apart by it), and the
 * Teams locale last seen from them, which proactive cards follow.
 */
export function teamsFacts(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("people_state").addColumn("unreachable_code", "text").execute();
      await db.schema.alterTable("people_state").addColumn("locale", "text").execute();
    },
  };
}
