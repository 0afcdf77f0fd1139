import type { CardContext, ReminderCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { deadlineView } from "./deadline-view.js";
import { gapView } from "./gap-view.js";

/** Binds cards/reminder.json. The kind sets the tone: the title, the opening line and the consequence. */
export function reminderView(card: ReminderCard, context: CardContext, text: CardText): CardView {
  const data = {
    ...commonView(context, text),
    outboxId: card.outboxId,
    userId: card.userId,
    snoozeAvailable: card.snoozeAvailable,
    title: text.text(`reminder.title.${card.kind}`),
    intro: text.text(`reminder.intro.${card.kind}`, { firstName: card.firstName }),
    ask: text.text(`reminder.ask.${context.requirement}`),
    why: text.text("reminder.why"),
    deadline: deadlineView(card.deadline, card.daysLeft, context, text),
    consequence: text.text(card.kind === "overdue" ? "reminder.consequence.overdue" : "reminder.consequence.before"),
    gap: gapView(card.methodsRegistered, context.requirement, text),
  };
  return { template: "reminder", data };
}
