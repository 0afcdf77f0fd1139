import type { AdaptiveCard } from "./adaptive-card.js";
import type { CardContext, CardDataByName, CardName } from "./card-data.js";
import { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { escalationView } from "./escalation-view.js";
import { expandCardTemplate } from "./expand-card-template.js";
import { helpRequestedView } from "./help-requested-view.js";
import { helpdeskNoticeView } from "./helpdesk-notice-view.js";
import { noSmartphoneView } from "./no-smartphone-view.js";
import { reminderView } from "./reminder-view.js";
import { snoozedView } from "./snoozed-view.js";
import { stillMissingView } from "./still-missing-view.js";
import { thankYouView } from "./thank-you-view.js";

export { cardAttachment, type CardAttachment } from "./card-attachment.js";
export type { AdaptiveCard } from "./adaptive-card.js";

type Views = { [N in CardName]: (card: CardDataByName[N], context: CardContext, text: CardText) => CardView };

const VIEWS: Views = {
  reminder: reminderView,
  thankYou: thankYouView,
  stillMissing: stillMissingView,
  snoozed: snoozedView,
  helpRequested: helpRequestedView,
  noSmartphone: noSmartphoneView,
  escalation: escalationView,
  helpdeskNotice: helpdeskNoticeView,
};

/**
 * One card of the family as a plain Adaptive Card 1.5 object, in the context's language and time
 * zone. Throws on input it cannot show truthfully: a malformed date, a non-https registration URL,
 * a missing string.
 */
export function renderCard<N extends CardName>(name: N, card: CardDataByName[N], context: CardContext): AdaptiveCard {
  const view: Views[N] = VIEWS[name];
  const { template, data } = view(card, context, CardText.load(context.language));
  return expandCardTemplate(template, data);
}
