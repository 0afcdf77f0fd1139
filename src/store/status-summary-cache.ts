import type { StatusSummary } from "../reports/status-summary.js";
import type { Store } from "./open-store.js";

const key = "status-summary";

/**
 * The last computed status, kept so `/mfa status` answers at once however large the tenant:
 * working it out means classifying everyone, which the campaign run does anyway.
 */
export async function saveStatusSummary(store: Store, summary: StatusSummary): Promise<void> {
  const values = { value: JSON.stringify(summary), updated_at: summary.computedAt, updated_by: "system" };
  await store.db
    .insertInto("app_state")
    .values({ key, ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}

export async function readStatusSummary(store: Store): Promise<StatusSummary | undefined> {
  const row = await store.db.selectFrom("app_state").select("value").where("key", "=", key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as StatusSummary) : undefined;
}
