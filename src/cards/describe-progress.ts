import type { CardText } from "./card-text.js";
import { describeDaysLeft } from "./describe-days-left.js";

/**
 * One person's place in a list, in a line a phone shows whole: "3 days left · 2 reminders",
 * "2 days overdue · 4 reminders", or "Not reminded yet" when no reminder has fixed a deadline.
 */
export function describeProgress(daysLeft: number | null, reminders: number, text: CardText): string {
  const parts = [daysLeft === null ? text.text("list.notReminded") : describeDaysLeft(daysLeft, text)];
  if (reminders > 0) parts.push(text.plural("list.reminders", reminders));
  return parts.join(" · ");
}
