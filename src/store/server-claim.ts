import type { Store } from "./open-store.js";

/*
 * Which `start` serves a SQLite store. SQLite is one instance's store: a second server on the same
 * file would run every scheduled run twice and pace Teams twice. The server that starts first
 * writes itself into app_state and beats every few seconds; the next one reads the row and is
 * refused while that holder lives.
 */

export interface ServerHolder {
  readonly host: string;
  readonly pid: number;
  /** Tells two starts of one pid apart (a container restarted with the same pid). */
  readonly token: string;
}

const key = "server";

/**
 * Makes `me` the store's server unless a live one holds it; returns that live holder, or undefined
 * when `me` holds it now. The swap is a compare-and-set on the row, so two starts at once cannot
 * both win.
 */
export async function claimServer(
  store: Store,
  me: ServerHolder,
  now: Date,
  isLive: (holder: ServerHolder, beatAt: Date) => boolean,
): Promise<ServerHolder | undefined> {
  const value = JSON.stringify(me);
  for (;;) {
    const row = await store.db.selectFrom("app_state").select(["value", "updated_at"]).where("key", "=", key).executeTakeFirst();
    if (row) {
      const holder = JSON.parse(row.value) as ServerHolder;
      if (isLive(holder, new Date(row.updated_at))) return holder;
      const taken = await store.db
        .updateTable("app_state")
        .set({ value, updated_at: now.toISOString() })
        .where("key", "=", key)
        .where("value", "=", row.value)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return undefined;
    } else {
      const inserted = await store.db
        .insertInto("app_state")
        .values({ key, value, updated_at: now.toISOString(), updated_by: null })
        .onConflict((oc) => oc.column("key").doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows) === 1) return undefined;
    }
  }
}

/** Says the server is still alive. */
export async function beatServer(store: Store, me: ServerHolder, now: Date): Promise<void> {
  await store.db
    .updateTable("app_state")
    .set({ updated_at: now.toISOString() })
    .where("key", "=", key)
    .where("value", "=", JSON.stringify(me))
    .execute();
}

/** Lets the store go (a clean stop), so the next start need not check on the last. */
export async function releaseServer(store: Store, me: ServerHolder): Promise<void> {
  await store.db.deleteFrom("app_state").where("key", "=", key).where("value", "=", JSON.stringify(me)).execute();
}
