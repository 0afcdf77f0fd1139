import { DateTime } from "luxon";
import type { CardContext, Language } from "./card-data.js";

type Reader = Pick<CardContext, "language" | "timeZone">;

// British English to match the strings' spelling; the other languages as spoken in their main country.
const LOCALES: Readonly<Record<Language, string>> = { en: "en-GB", de: "de-DE", fr: "fr-FR", es: "es-ES", nl: "nl-NL" };

/**
 * A deadline (YYYY-MM-DD) with weekday and the month spelled out: "Friday 14 March 2025",
 * "Freitag, 14. März 2025". Spelled-out months cannot be misread as 03/14 versus 14/03.
 */
export function formatDeadline(deadline: string, reader: Reader): string {
  const date = DateTime.fromISO(deadline, { zone: reader.timeZone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline) || !date.isValid) {
    throw new Error(`A card deadline must be an ISO date (YYYY-MM-DD), got "${deadline}".`);
  }
  return date.setLocale(LOCALES[reader.language]).toLocaleString(DateTime.DATE_HUGE);
}

/**
 * An instant on the reader's clock, as a day ("Tuesday 11 March") and a time ("10:00"), which the
 * strings join with their own words ("am {date} um {time}"). `withZone` adds the year and the zone's
 * short name, for readers in another zone than the person it is about (the helpdesk).
 */
export function formatMoment(instant: string, reader: Reader, withZone = false): { date: string; time: string } {
  const moment = DateTime.fromISO(instant, { zone: reader.timeZone }).setLocale(LOCALES[reader.language]);
  if (!moment.isValid) throw new Error(`A card time must be an ISO instant, got "${instant}".`);
  return {
    date: moment.toLocaleString({ weekday: "long", day: "numeric", month: "long", ...(withZone ? { year: "numeric" } : {}) }),
    time: moment.toLocaleString({ hour: "2-digit", minute: "2-digit", hourCycle: "h23", ...(withZone ? { timeZoneName: "short" } : {}) }),
  };
}
