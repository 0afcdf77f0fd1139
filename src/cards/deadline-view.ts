import type { CardContext } from "./card-data.js";
import type { CardText } from "./card-text.js";
import { describeDaysLeft } from "./describe-days-left.js";
import { formatDeadline } from "./format-card-date.js";

export interface DeadlineView {
  label: string;
  date: string;
  status: string;
  /** Templates switch to the attention colour on this. */
  overdue: boolean;
}

export function deadlineView(deadline: string, daysLeft: number, context: CardContext, text: CardText): DeadlineView {
  return {
    label: text.text("deadline.label"),
    date: formatDeadline(deadline, context),
    status: describeDaysLeft(daysLeft, text),
    overdue: daysLeft < 0,
  };
}
