import type { Store } from "./open-store.js";

/** Whether an admin has paused all reminders and digests (`/mfa pause`). */
export async function isPaused(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom("app_state").select("value").where("key", "=", "paused").executeTakeFirst();
  return row?.value === "true";
}

export async function readPause(store: Store): Promise<{ paused: boolean; by: string | null; at: string | null }> {
  const row = await store.db.selectFrom("app_state").selectAll().where("key", "=", "paused").executeTakeFirst();
  return { paused: row?.value === "true", by: row?.updated_by ?? null, at: row?.updated_at ?? null };
}

export async function setPaused(store: Store, paused: boolean, by: string, now: Date): Promise<void> {
  const values = { value: String(paused), updated_at: now.toISOString(), updated_by: by };
  await store.db
    .insertInto("app_state")
    .values({ key: "paused", ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}
