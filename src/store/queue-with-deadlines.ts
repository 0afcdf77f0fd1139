import type { Store } from "./open-store.js";
import { queueMessages, type NewMessage } from "./outbox.js";

export interface PhaseDeadline {
  readonly user_id: string;
  readonly phase: string;
  readonly deadline: string;
  readonly set_at: string;
}

/**
 * Queues messages and fixes the per-person deadlines that first reminders set, in one transaction:
 * a crash leaves both or neither. A deadline already fixed stays. Returns how many rows were new.
 */
export async function queueWithDeadlines(
  store: Store,
  messages: readonly NewMessage[],
  deadlines: readonly PhaseDeadline[],
  now: Date,
): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const scoped = { ...store, db: trx };
    if (deadlines.length > 0) {
      await trx
        .insertInto("phase_deadlines")
        .values([...deadlines])
        .onConflict((oc) => oc.columns(["user_id", "phase"]).doNothing())
        .execute();
    }
    return (await queueMessages(scoped, messages, now)).length;
  });
}
