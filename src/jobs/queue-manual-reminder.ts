import type { Person, PersonHistory } from "../campaign/person.js";
import { planManualReminder, type ManualReminder } from "../campaign/plan-manual-reminder.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { Store } from "../store/open-store.js";
import { queueDecisions } from "./queue-decisions.js";

export interface ManualReminderOutcome {
  readonly planned: ManualReminder;
  /** 1 when a reminder was queued; 0 when the rules refused it or the same step was already queued. */
  readonly queued: number;
}

/**
 * A reminder someone asked for, by hand: an admin's `/mfa remind` or a manager's "Remind them now".
 * Planned by the same rules as the schedule (planManualReminder), queued for the person's own
 * reminder hours. The caller sends it (deliverSoon) and words the answer.
 */
export async function queueManualReminder(
  store: Store,
  policy: CampaignPolicy,
  person: Person,
  history: PersonHistory,
  paused: boolean,
  now: number,
): Promise<ManualReminderOutcome> {
  const planned = planManualReminder(person, history, policy, now, paused);
  if (planned.decision.action !== "remind" || !("notBefore" in planned)) return { planned, queued: 0 };
  const queued = await queueDecisions(
    store,
    { due: [planned.decision], people: new Map([[person.id, person]]) },
    new Date(now),
    new Date(planned.notBefore),
  );
  return { planned, queued };
}
