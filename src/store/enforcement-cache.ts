import type { EnforcementSummary } from "../doctor/enforcement-summary.js";
import type { Store } from "./open-store.js";

const key = "enforcement";

/**
 * How MFA is enforced, as the last `doctor` found it, so `/mfa status` can say so without asking
 * Graph on every status. Saved by `mfa-nudge doctor` and `/mfa doctor`.
 */
export async function saveEnforcement(store: Store, summary: EnforcementSummary): Promise<void> {
  const values = { value: JSON.stringify(summary), updated_at: summary.checkedAt, updated_by: "doctor" };
  await store.db
    .insertInto("app_state")
    .values({ key, ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}

export async function readEnforcement(store: Store): Promise<EnforcementSummary | undefined> {
  const row = await store.db.selectFrom("app_state").select("value").where("key", "=", key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as EnforcementSummary) : undefined;
}
