import type { CardContext, StillMissingCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { deadlineView } from "./deadline-view.js";
import { gapView } from "./gap-view.js";

/** Binds cards/still-missing.json: the answer to "I've done it" when the live check finds too little. */
export function stillMissingView(card: StillMissingCard, context: CardContext, text: CardText): CardView {
  const common = commonView(context, text);
  const gap = gapView(card.methodsFound, context.requirement, text);
  const data = {
    ...common,
    outboxId: card.outboxId,
    userId: card.userId,
    snoozeAvailable: card.snoozeAvailable,
    title: text.text("stillMissing.title"),
    found: text.text(gap.have.length > 0 ? "stillMissing.found" : "stillMissing.foundNothing", {
      firstName: card.firstName,
    }),
    foundMethods: gap.have,
    needed: gap.needed,
    retry: text.text("stillMissing.retry", { done: common.label.done }),
    hardwareToken: { show: card.hardwareTokenNote === true, text: text.text("stillMissing.hardwareToken") },
    deadline: deadlineView(card.deadline, card.daysLeft, context, text),
    consequence: text.text(card.kind === "overdue" ? "reminder.consequence.overdue" : "reminder.consequence.before"),
  };
  return { template: "still-missing", data };
}
