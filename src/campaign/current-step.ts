import { daysBetween, workingDaysAfter, addDays } from "./local-calendar.js";
import type { CampaignPolicy } from "./policy.js";

export type StepState =
  | { readonly due: true; readonly step: string }
  | { readonly due: false; readonly why: "notYet"; readonly firstDate: string }
  | { readonly due: false; readonly why: "overdueLimit"; readonly sent: number };

/**
 * The reminder step due on `today`. Before the deadline it is the latest of the configured steps
 * whose day has come (`d-7` from 7 days before); steps missed (a weekend, a pause) are not sent
 * late in a burst, the latest one stands for them. After the deadline, one every
 * `overdueEveryDays` working days (`o-1`, `o-2`, ...) up to `overdueMax`.
 */
export function currentStep(policy: CampaignPolicy, deadline: string, today: string, extraThreshold?: number): StepState {
  const { daysBeforeDeadline, overdueEveryDays, overdueMax, window } = policy.reminders;
  const thresholds =
    extraThreshold === undefined ? daysBeforeDeadline : [...new Set([...daysBeforeDeadline, extraThreshold])].sort((a, b) => b - a);
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft >= 0) {
    const reached = thresholds.filter((t) => t >= daysLeft);
    const step = reached[reached.length - 1];
    if (step === undefined) return { due: false, why: "notYet", firstDate: addDays(deadline, -(thresholds[0] ?? 0)) };
    return { due: true, step: `d-${step}` };
  }
  const overdue = Math.floor(workingDaysAfter(deadline, today, window.days) / overdueEveryDays);
  if (overdue === 0) return { due: true, step: `d-${thresholds[thresholds.length - 1] ?? 0}` };
  if (overdue > overdueMax) return { due: false, why: "overdueLimit", sent: overdueMax };
  return { due: true, step: `o-${overdue}` };
}
