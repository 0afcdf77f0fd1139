import type { Decision } from "./decision.js";
import { emptyHistory, type Person, type PersonHistory } from "./person.js";
import { planPerson, type PlanContext } from "./plan-person.js";

/** Plans for a batch of people; callers stream the tenant through this a page at a time. */
export function planReminders(
  people: Iterable<Person>,
  historyOf: (userId: string) => PersonHistory | undefined,
  ctx: PlanContext,
): Decision[] {
  const decisions: Decision[] = [];
  for (const person of people) decisions.push(...planPerson(person, historyOf(person.id) ?? emptyHistory, ctx));
  return decisions;
}
