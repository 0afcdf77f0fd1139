import { sql } from "kysely";
import { allMigrations } from "./migrations/all-migrations.js";
import type { Store } from "./open-store.js";

/**
 * Whether the store can serve right now: it answers a query, and every migration this version
 * knows has run (during a rolling deploy a newer instance migrates first; an older one whose
 * database it cannot read would say so here). Answers the problem's code, never its text.
 */
export async function storeReadiness(
  store: Store,
): Promise<{ ready: true } | { ready: false; reason: "store_unreachable" | "migrations_pending" }> {
  let applied: Set<string>;
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
    applied = new Set(rows.map((r) => r.name));
  } catch {
    return { ready: false, reason: "store_unreachable" };
  }
  const pending = Object.keys(allMigrations(store.dialect)).filter((name) => !applied.has(name));
  return pending.length === 0 ? { ready: true } : { ready: false, reason: "migrations_pending" };
}
