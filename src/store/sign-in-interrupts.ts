import type { Store } from "./open-store.js";

export interface StoredInterrupt {
  readonly id: string;
  readonly userId: string;
  /** ISO 8601, UTC. */
  readonly at: string;
  readonly app: string;
  readonly errorCode: number;
}

const readMarkKey = "sign-ins.read-until";

/**
 * Keeps interrupted sign-ins, each once (by the log entry's id), and moves the mark of how far the
 * log has been read, in one transaction: a crash leaves both or neither.
 */
export async function saveSignInInterrupts(store: Store, interrupts: readonly StoredInterrupt[], readUntil: Date): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < interrupts.length; i += 200) {
      const rows = interrupts
        .slice(i, i + 200)
        .map((s) => ({ id: s.id, user_id: s.userId, created_at: s.at, app: s.app, error_code: s.errorCode }));
      await trx
        .insertInto("sign_in_interrupts")
        .values(rows)
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    }
    const values = { value: readUntil.toISOString(), updated_at: readUntil.toISOString(), updated_by: "system" };
    await trx
      .insertInto("app_state")
      .values({ key: readMarkKey, ...values })
      .onConflict((oc) => oc.column("key").doUpdateSet(values))
      .execute();
  });
}

/** How far the sign-in log has been read; undefined before the first read. */
export async function readSignInMark(store: Store): Promise<Date | undefined> {
  const row = await store.db.selectFrom("app_state").select("value").where("key", "=", readMarkKey).executeTakeFirst();
  return row ? new Date(row.value) : undefined;
}

/** Each of these people's interrupted sign-ins since `since`, newest first. */
export async function readInterruptsOf(store: Store, userIds: readonly string[], since: Date): Promise<Map<string, StoredInterrupt[]>> {
  const found = new Map<string, StoredInterrupt[]>();
  if (userIds.length === 0) return found;
  const rows = await store.db
    .selectFrom("sign_in_interrupts")
    .selectAll()
    .where("user_id", "in", [...userIds])
    .where("created_at", ">=", since.toISOString())
    .orderBy("created_at", "desc")
    .execute();
  for (const r of rows) {
    const list = found.get(r.user_id) ?? [];
    list.push({ id: r.id, userId: r.user_id, at: r.created_at, app: r.app, errorCode: r.error_code });
    found.set(r.user_id, list);
  }
  return found;
}

/** Forgets interrupts older than `before`: nothing reads further back than the lookback window. */
export async function pruneSignInInterrupts(store: Store, before: Date): Promise<void> {
  await store.db.deleteFrom("sign_in_interrupts").where("created_at", "<", before.toISOString()).execute();
}
