import type { Store } from "./open-store.js";

/**
 * A computed value kept in app_state under `key` as JSON, so a reader can answer at once what was
 * expensive to work out. The store keeps the text; the module that owns the value owns its type.
 */
export async function saveCachedJson(store: Store, key: string, value: unknown, at: string): Promise<void> {
  const values = { value: JSON.stringify(value), updated_at: at, updated_by: "system" };
  await store.db
    .insertInto("app_state")
    .values({ key, ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}

export async function readCachedJson(store: Store, key: string): Promise<unknown> {
  const row = await store.db.selectFrom("app_state").select("value").where("key", "=", key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}
