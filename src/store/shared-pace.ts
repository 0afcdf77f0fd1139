import { sql } from "kysely";
import type { Store } from "./open-store.js";

/*
 * The rows behind a pace shared by every instance on one PostgreSQL database (migration
 * 007-shared-pace). A lane is one budget: "teams:<bot>:<tenant>", "graph-reports".
 */

export interface PaceRule {
  readonly limit: number;
  readonly windowMs: number;
  /** A slot taken this long ago and never finished belonged to an instance that died: it is forgotten. */
  readonly staleMs: number;
}

/* How far ahead a full window reserves the next slot to free, so that a waiting instance need not ask again. */
const aheadMs = 100;

/**
 * Takes a slot in the lane's window: its id and when it may be used (ms from now, 0 at once), or
 * how long to wait (ms) before asking again.
 */
export async function takePaceSlot(
  store: Store,
  lane: string,
  rule: PaceRule,
): Promise<{ slot: number; afterMs: number } | { waitMs: number }> {
  const { rows } = await sql<{ slot: number | null; wait_ms: number }>`
    select slot, wait_ms
    from take_pace_slot(${lane}, ${rule.limit}, ${Math.round(rule.windowMs)}, ${Math.round(rule.staleMs)}, ${aheadMs})`.execute(store.db);
  const row = rows[0];
  if (!row) throw new Error(`take_pace_slot answered nothing for ${lane}`);
  return row.slot === null ? { waitMs: row.wait_ms } : { slot: Number(row.slot), afterMs: row.wait_ms };
}

/** Stamps the slot's request as completed, the moment its window starts counting from. */
export async function finishPaceSlot(store: Store, slot: number): Promise<void> {
  await sql`update pace_slots set done_at = clock_timestamp() where id = ${slot}`.execute(store.db);
}

/** Holds every instance's requests in the lane for `ms` from now (a 429's Retry-After); a later pause extends an earlier one. */
export async function pausePaceLane(store: Store, lane: string, ms: number): Promise<void> {
  const until = sql`clock_timestamp() + make_interval(secs => ${Math.max(0, ms) / 1000})`;
  await sql`
    insert into pace_lanes (lane, paused_until) values (${lane}, ${until})
    on conflict (lane) do update set paused_until = greatest(pace_lanes.paused_until, excluded.paused_until)`.execute(store.db);
}

/** When the lane's pause ends, as ms from now (0 when it is not paused). */
export async function paceLanePauseMs(store: Store, lane: string): Promise<number> {
  const { rows } = await sql<{ ms: number | null }>`
    select ceil(extract(epoch from paused_until - clock_timestamp()) * 1000)::integer as ms from pace_lanes where lane = ${lane}`.execute(
    store.db,
  );
  return Math.max(0, rows[0]?.ms ?? 0);
}
