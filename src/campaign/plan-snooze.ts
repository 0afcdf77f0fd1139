import { daysBetween, isValidZone, localMoment, nextWindowOpening, startOfLocalDay } from "./local-calendar.js";
import type { PersonHistory } from "./person.js";
import type { CampaignPolicy } from "./policy.js";

export type SnoozeOutcome =
  | { readonly granted: true; readonly until: number; readonly snoozesLeft: number }
  | { readonly granted: false; readonly why: "limit"; readonly deadline: string };

/**
 * "Remind me later": `snooze.days` from now, within the policy's maximum. A snooze never hides
 * the deadline day itself: if it would run past it, the person is reminded when the deadline
 * day's reminder hours open.
 */
export function planSnooze(policy: CampaignPolicy, history: PersonHistory, deadline: string, now: number): SnoozeOutcome {
  const { days, max } = policy.reminders.snooze;
  if (history.snoozeCount >= max) return { granted: false, why: "limit", deadline };
  const zone = history.timeZone && isValidZone(history.timeZone) ? history.timeZone : policy.timeZone;
  const today = localMoment(now, zone).date;
  const wanted = now + days * 86_400_000;
  const deadlineDayOpens = nextWindowOpening(startOfLocalDay(deadline, zone), zone, policy.reminders.window);
  const until = daysBetween(today, deadline) > 0 ? Math.min(wanted, deadlineDayOpens) : wanted;
  return { granted: true, until, snoozesLeft: max - history.snoozeCount - 1 };
}
