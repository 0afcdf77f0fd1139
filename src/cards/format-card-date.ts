import { DateTime } from "luxon";
import type { CardContext } from "./card-data.js";
import { cardLocale } from "./card-locale.js";

type Reader = Pick<CardContext, "language" | "timeZone">;

/**
 * A deadline (YYYY-MM-DD) with weekday and the month spelled out: "Friday 14 March 2025",
 * "Freitag, 14. März 2025". Spelled-out months cannot be misread as 03/14 versus 14/03.
 */
export function formatDeadline(deadline: string, reader: Reader): string {
  const date = DateTime.fromISO(deadline, { zone: reader.timeZone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline) || !date.isValid) {
    throw new Error(`A card deadline must be an ISO date (YYYY-MM-DD), got "${deadline}".`);
  }
  return date.setLocale(cardLocale(reader.language)).toLocaleString(DateTime.DATE_HUGE);
}

/**
 * An instant on the reader's clock, as a day ("Tuesday 11 March") and a time ("10:00"), which the
 * strings join with their own words ("am {date} um {time}"). `withZone` adds the year and the zone's
 * short name, for readers in another zone than the person it is about (the helpdesk).
 */
export function formatMoment(instant: string, reader: Reader, withZone = false): { date: string; time: string } {
  const moment = DateTime.fromISO(instant, { zone: reader.timeZone }).setLocale(cardLocale(reader.language));
  if (!moment.isValid) throw new Error(`A card time must be an ISO instant, got "${instant}".`);
  return {
    date: moment.toLocaleString({ weekday: "long", day: "numeric", month: "long", ...(withZone ? { year: "numeric" } : {}) }),
    time: moment.toLocaleString({ hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...(withZone ? { timeZoneName: "short" } : {}) }),
  };
}

/**
 * A day in a list, short enough for a phone line: "Fri 14 Mar", "Fr., 14. März"; `weekday: false`
 * gives "14 Mar", for a chart's points. Takes a date (YYYY-MM-DD, kept as that calendar day) or an
 * instant (shown as the reader's day). The year is left out: a campaign lasts weeks, not years.
 */
export function formatShortDate(dateOrInstant: string, reader: Reader, options: { weekday?: boolean } = {}): string {
  const moment = DateTime.fromISO(dateOrInstant, { zone: reader.timeZone });
  if (!/^\d{4}-\d{2}-\d{2}/.test(dateOrInstant) || !moment.isValid) {
    throw new Error(`A card date must be an ISO date or instant, got "${dateOrInstant}".`);
  }
  const weekday = options.weekday ?? true;
  return moment
    .setLocale(cardLocale(reader.language))
    .toLocaleString({ day: "numeric", month: "short", ...(weekday ? { weekday: "short" } : {}) });
}
