import type { CardContext, SnoozedCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { formatDeadline, formatMoment } from "./format-card-date.js";

/** Binds cards/snoozed.json, or cards/snooze-refused.json once every snooze has been used. */
export function snoozedView(card: SnoozedCard, context: CardContext, text: CardText): CardView {
  const common = commonView(context, text);
  const deadline = formatDeadline(card.deadline, context);
  const ids = { outboxId: card.outboxId, userId: card.userId };
  if (card.refused) {
    const data = {
      ...common,
      ...ids,
      title: text.text("snoozeRefused.title"),
      refused: text.text("snoozeRefused.refused"),
      deadline: text.text("snoozeRefused.deadline", { deadline }),
      help: text.text("snoozeRefused.help", { help: common.label.help }),
    };
    return { template: "snooze-refused", data };
  }
  const data = {
    ...common,
    ...ids,
    title: text.text("snoozed.title"),
    until: text.text("snoozed.until", formatMoment(card.until, context)),
    snoozesLeft: card.snoozesLeft > 0 ? text.plural("snoozed.snoozesLeft", card.snoozesLeft) : text.text("snoozed.lastSnooze"),
    deadline: text.text("snoozed.deadline", { deadline }),
  };
  return { template: "snoozed", data };
}
