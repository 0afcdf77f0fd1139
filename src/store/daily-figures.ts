import type { Store } from "./open-store.js";

export interface DailyFigures {
  /** YYYY-MM-DD in the campaign's time zone. */
  readonly day: string;
  readonly accounts: number;
  readonly inScope: number;
  readonly registered: number;
  readonly admins: number;
  readonly adminsRegistered: number;
}

/** The day's figures, from the campaign summary a run just worked out; the day's last run wins. */
export async function saveDailyFigures(store: Store, figures: DailyFigures, now: Date): Promise<void> {
  const values = {
    users: figures.accounts,
    members: figures.inScope,
    registered: figures.registered,
    admins: figures.admins,
    admins_registered: figures.adminsRegistered,
    recorded_at: now.toISOString(),
  };
  await store.db
    .insertInto("daily_figures")
    .values({ day: figures.day, ...values })
    .onConflict((oc) => oc.column("day").doUpdateSet(values))
    .execute();
}

/** The last `days` days with figures, oldest first. */
export async function readTrend(store: Store, days: number): Promise<{ day: string; inScope: number; registered: number }[]> {
  const rows = await store.db
    .selectFrom("daily_figures")
    .select(["day", "members", "registered"])
    .orderBy("day", "desc")
    .limit(days)
    .execute();
  return rows.reverse().map((r) => ({ day: r.day, inScope: r.members, registered: r.registered }));
}

/** The figures of the last day before `day`, if any. */
export async function readFiguresBefore(store: Store, day: string): Promise<{ day: string; registered: number } | undefined> {
  return store.db
    .selectFrom("daily_figures")
    .select(["day", "registered"])
    .where("day", "<", day)
    .orderBy("day", "desc")
    .limit(1)
    .executeTakeFirst();
}
