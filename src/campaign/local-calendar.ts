import { DateTime } from "luxon";
import { weekdays, type ReminderWindow, type Weekday } from "./policy.js";

/*
 * Calendar arithmetic on plain dates (YYYY-MM-DD) in a person's own time zone. Counting days
 * between dates rather than subtracting instants keeps "3 days left" right across a change to or
 * from daylight saving time, when a local day is 23 or 25 hours long.
 */

export interface LocalMoment {
  readonly date: string;
  readonly weekday: Weekday;
  /** Minutes since local midnight. */
  readonly minute: number;
}

const dayMs = 86_400_000;

/*
 * A campaign pass asks the same questions for thousands of people in the same few time zones at
 * the same instant, and each answer costs luxon tens of microseconds (a Friday evening's "next
 * window opening" walks three days). These functions are pure, so their answers are remembered;
 * the memory is bounded and forgotten whole when full.
 */
const remembered = new Map<string, unknown>();

function remember<T>(key: string, work: () => T): T {
  if (remembered.has(key)) return remembered.get(key) as T;
  if (remembered.size >= 4096) remembered.clear();
  const value = work();
  remembered.set(key, value);
  return value;
}

export function localMoment(now: number, zone: string): LocalMoment {
  return remember(`m|${now}|${zone}`, () => {
    const local = DateTime.fromMillis(now, { zone });
    const date = local.toISODate() ?? "";
    return { date, weekday: weekdayOf(date), minute: local.hour * 60 + local.minute };
  });
}

export function isValidZone(zone: string): boolean {
  return remember(`z|${zone}`, () => DateTime.local().setZone(zone).isValid);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / dayMs);
}

export function addDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * dayMs).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  // getUTCDay: 0 is Sunday; our list starts on Monday.
  return weekdays[(new Date(utcDay(date)).getUTCDay() + 6) % 7] as Weekday;
}

/** Working days after `from` up to and including `to`, where working days are `days`. */
export function workingDaysAfter(from: string, to: string, days: readonly Weekday[]): number {
  const span = daysBetween(from, to);
  if (span <= 0) return 0;
  const fullWeeks = Math.floor(span / 7);
  let count = fullWeeks * days.length;
  for (let i = fullWeeks * 7 + 1; i <= span; i += 1) if (days.includes(weekdayOf(addDays(from, i)))) count += 1;
  return count;
}

export function inWindow(moment: LocalMoment, window: ReminderWindow): boolean {
  return window.days.includes(moment.weekday) && moment.minute >= window.fromMinute && moment.minute < window.toMinute;
}

/** The instant the window next opens at or after `notBefore` (which may be a date's midnight). */
export function nextWindowOpening(notBefore: number, zone: string, window: ReminderWindow): number {
  const key = `o|${notBefore}|${zone}|${window.days.join(",")}|${window.fromMinute}|${window.toMinute}`;
  return remember(key, () => findWindowOpening(notBefore, zone, window));
}

function findWindowOpening(notBefore: number, zone: string, window: ReminderWindow): number {
  let local = DateTime.fromMillis(notBefore, { zone });
  for (let i = 0; i < 8; i += 1) {
    const date = local.toISODate() ?? "";
    const opens = local.startOf("day").plus({ minutes: window.fromMinute });
    const closes = local.startOf("day").plus({ minutes: window.toMinute });
    if (window.days.includes(weekdayOf(date)) && local < closes) return Math.max(opens.toMillis(), local.toMillis());
    local = local.plus({ days: 1 }).startOf("day");
  }
  return notBefore;
}

/** Local midnight of a date, as an instant. */
export function startOfLocalDay(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).startOf("day").toMillis();
}

function utcDay(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}
