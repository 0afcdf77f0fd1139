import type { CardText } from "./card-text.js";

/** "3 days left", "Today is the deadline", "2 days overdue", in the reader's language. */
export function describeDaysLeft(daysLeft: number, text: CardText): string {
  if (!Number.isInteger(daysLeft)) throw new Error(`daysLeft must be a whole number, got ${daysLeft}.`);
  if (daysLeft > 0) return text.plural("deadline.daysLeft", daysLeft);
  if (daysLeft === 0) return text.text("deadline.dueToday");
  return text.plural("deadline.overdue", -daysLeft);
}
