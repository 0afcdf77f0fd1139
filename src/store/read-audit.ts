import type { Store } from "./open-store.js";

/** The distinct people an action was recorded about since a moment (ISO text), e.g. who became unreachable today. */
export async function readSubjectsSince(store: Store, action: string, since: string): Promise<string[]> {
  const rows = await store.db.selectFrom("audit_log").select("subject_id").where("action", "=", action).where("at", ">", since).execute();
  return [...new Set(rows.map((r) => r.subject_id).filter((id): id is string => id !== null))];
}

/** The time of the last recorded action about each of these people. */
export async function readLastActionTimes(store: Store, subjectIds: readonly string[]): Promise<Map<string, string>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await store.db
    .selectFrom("audit_log")
    .select(["subject_id", (eb) => eb.fn.max("at").as("at")])
    .where("subject_id", "in", subjectIds)
    .groupBy("subject_id")
    .execute();
  return new Map(rows.flatMap((r) => (r.subject_id === null ? [] : [[r.subject_id, r.at] as const])));
}

/** Everything recorded about one person, in no particular order. */
export async function readAuditOf(store: Store, subjectId: string): Promise<{ at: string; action: string }[]> {
  return store.db.selectFrom("audit_log").select(["at", "action"]).where("subject_id", "=", subjectId).execute();
}

/** How many times each of these actions was recorded; an action never recorded counts 0. */
export async function countActions(store: Store, actions: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(actions.map((a) => [a, 0]));
  if (actions.length === 0) return counts;
  const rows = await store.db
    .selectFrom("audit_log")
    .select(["action", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("action", "in", actions)
    .groupBy("action")
    .execute();
  // PostgreSQL answers count(*) as a bigint, which pg hands over as text.
  for (const row of rows) counts.set(row.action, Number(row.n));
  return counts;
}
