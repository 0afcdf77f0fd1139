import type { Selectable, Updateable } from "kysely";
import type { Store } from "./open-store.js";
import type { PeopleStateTable } from "./schema.js";

export type PersonState = Selectable<PeopleStateTable>;

/** Sets some of a person's state, creating their row the first time. */
export async function updatePersonState(
  store: Store,
  userId: string,
  now: Date,
  changes: Omit<Updateable<PeopleStateTable>, "user_id" | "updated_at">,
): Promise<void> {
  const updated_at = now.toISOString();
  await store.db
    .insertInto("people_state")
    .values({ user_id: userId, updated_at, ...changes })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ ...changes, updated_at }))
    .execute();
}

export async function readPersonState(store: Store, userId: string): Promise<PersonState | undefined> {
  return store.db.selectFrom("people_state").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

/** "Remind me later": counts the snooze and records it as an answer. */
export async function recordSnooze(store: Store, userId: string, until: Date, now: Date): Promise<void> {
  const at = now.toISOString();
  await store.db
    .insertInto("people_state")
    .values({ user_id: userId, snoozed_until: until.toISOString(), snooze_count: 1, last_answer_at: at, updated_at: at })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet((eb) => ({
        snoozed_until: until.toISOString(),
        snooze_count: eb(eb.ref("people_state.snooze_count"), "+", 1),
        last_answer_at: at,
        updated_at: at,
      })),
    )
    .execute();
}
