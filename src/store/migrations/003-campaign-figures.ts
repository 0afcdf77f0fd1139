import type { Kysely, Migration } from "kysely";

/**
 * daily_figures used to count every enabled member account at each sync; it now holds the
 * campaign's own figures (in scope, registered under its requirement) from each run. Points of
 * the old kind would put a step into the trend, so they go; the trend restarts at the next run.
 */
export function campaignFigures(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.deleteFrom("daily_figures" as never).execute();
    },
  };
}
