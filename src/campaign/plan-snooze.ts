import { addDays, daysBetween, isValidZone, localMoment, nextWindowOpening, startOfLocalDay, weekdayOf } from "./local-calendar.js";
import type { PersonHistory } from "./person.js";
import type { CampaignPolicy } from "./policy.js";

export type SnoozeOutcome =
  | { readonly granted: true; readonly until: number; readonly snoozesLeft: number }
  | { readonly granted: false; readonly why: "limit"; readonly deadline: string };

/**
 * "Remind me later": `snooze.days` from now, within the policy's maximum. A snooze never hides
 * the last reminder day before the deadline: if it would run past it, the person is reminded when
 * that day's reminder hours open. That day is the deadline itself, or, when the deadline falls on
 * a day without reminder hours (a Saturday), the last reminder day before it.
 */
export function planSnooze(policy: CampaignPolicy, history: PersonHistory, deadline: string, now: number): SnoozeOutcome {
  const { days, max } = policy.reminders.snooze;
  if (history.snoozeCount >= max) return { granted: false, why: "limit", deadline };
  const zone = history.timeZone && isValidZone(history.timeZone) ? history.timeZone : policy.timeZone;
  const today = localMoment(now, zone).date;
  const wanted = now + days * 86_400_000;
  const lastDay = lastReminderDay(today, deadline, policy.reminders.window.days);
  const until = lastDay ? Math.min(wanted, nextWindowOpening(startOfLocalDay(lastDay, zone), zone, policy.reminders.window)) : wanted;
  return { granted: true, until, snoozesLeft: max - history.snoozeCount - 1 };
}

/** The last day after today, up to the deadline, with reminder hours; undefined when none is left. */
function lastReminderDay(today: string, deadline: string, days: CampaignPolicy["reminders"]["window"]["days"]): string | undefined {
  for (let date = deadline; daysBetween(today, date) > 0; date = addDays(date, -1)) {
    if (days.includes(weekdayOf(date))) return date;
  }
  return undefined;
}
