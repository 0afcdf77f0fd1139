import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../dialect.js";

/*
 * What instances on one PostgreSQL database share so that they behave as one bot: a pace per
 * budget (Teams' 50 requests/s per bot per tenant, Graph's identity-reports 5 per 10 s per app per
 * tenant), each a sliding window of request slots stamped when each request completes, and a pause
 * a 429's Retry-After sets for everyone. SQLite serves one instance, which paces itself in memory,
 * so there these tables are not created.
 *
 * take_pace_slot runs under the lane's row lock, so two instances never take the last slot twice;
 * it reads the database's own clock, so instances whose clocks disagree still share one window.
 * It answers a slot id (and how long to wait before using it, when it reserved one a moment
 * ahead), or how long to wait before asking again.
 *
 * live_workers lists the senders that hold a presence lock (presence.ts): when one's lock is gone
 * its instance is gone, and its claims can be taken back at once rather than when their lease ends.
 */
export function sharedPace(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== "postgres") return;
      await sql`create table pace_lanes (lane text primary key, paused_until timestamptz)`.execute(db);
      await sql`create table pace_slots (
        id bigserial primary key,
        lane text not null,
        taken_at timestamptz not null,
        done_at timestamptz
      )`.execute(db);
      await sql`create index pace_slots_lane on pace_slots (lane, done_at)`.execute(db);
      await sql`create table live_workers (worker text primary key, since timestamptz not null default now())`.execute(db);
      await sql`
        create function take_pace_slot(p_lane text, p_limit integer, p_window_ms integer, p_stale_ms integer, p_ahead_ms integer)
        returns table (slot bigint, wait_ms integer)
        language plpgsql as $$
        declare
          v_now timestamptz;
          v_paused timestamptz;
          v_used integer;
          v_free timestamptz;
          v_window interval := make_interval(secs => p_window_ms / 1000.0);
        begin
          insert into pace_lanes (lane) values (p_lane) on conflict (lane) do nothing;
          select l.paused_until into v_paused from pace_lanes l where l.lane = p_lane for update;
          v_now := clock_timestamp();
          if v_paused is not null and v_paused > v_now then
            return query select null::bigint, greatest(1, ceil(extract(epoch from v_paused - v_now) * 1000))::integer;
            return;
          end if;
          -- Slots that left the window, and slots of a request nobody finished (its instance died).
          delete from pace_slots s
            where s.lane = p_lane
              and ((s.done_at is not null and s.done_at <= v_now - v_window)
                or (s.done_at is null and s.taken_at <= v_now - make_interval(secs => p_stale_ms / 1000.0)));
          select count(*) into v_used from pace_slots s where s.lane = p_lane;
          if v_used < p_limit then
            return query insert into pace_slots (lane, taken_at) values (p_lane, v_now) returning pace_slots.id, 0;
            return;
          end if;
          -- Full. The slot that frees next for this caller is the one stamped (v_used - p_limit + 1)th
          -- oldest: every slot taken or reserved before counts until then. Unless all are still in flight,
          -- when there is nothing to count on yet.
          select s.done_at + v_window into v_free from pace_slots s
            where s.lane = p_lane and s.done_at is not null
            order by s.done_at offset (v_used - p_limit) limit 1;
          if v_free is null then
            return query select null::bigint, 5;
            return;
          end if;
          -- Close enough: reserve it now (a slot starting then), so the caller sends on time without
          -- asking again; further off, say when to ask. Reserving only a moment ahead keeps a pause
          -- set meanwhile from being outrun by more than that moment.
          if v_free <= v_now + make_interval(secs => p_ahead_ms / 1000.0) then
            return query insert into pace_slots (lane, taken_at) values (p_lane, v_free)
              returning pace_slots.id, greatest(0, ceil(extract(epoch from v_free - v_now) * 1000))::integer;
            return;
          end if;
          return query select null::bigint,
            greatest(1, ceil(extract(epoch from v_free - v_now) * 1000 - p_ahead_ms / 2.0))::integer;
        end
        $$`.execute(db);
    },
  };
}
