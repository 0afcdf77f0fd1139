import type { AdaptiveCard } from "./adaptive-card.js";
import { adminReportView } from "./admin-report-view.js";
import { alertView } from "./alert-view.js";
import type { CardContext, CardDataByName, CardName } from "./card-data.js";
import { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { cleanCardData } from "./clean-card-data.js";
import { cleanOutsideText } from "./clean-outside-text.js";
import { checkingView } from "./checking-view.js";
import { digestRemindedView } from "./digest-reminded-view.js";
import { digestView } from "./digest-view.js";
import { doctorView } from "./doctor-view.js";
import { escalationView } from "./escalation-view.js";
import { escapeCardMarkdown } from "./escape-card-markdown.js";
import { expandCardTemplate } from "./expand-card-template.js";
import { helpRequestedView } from "./help-requested-view.js";
import { helpView } from "./help-view.js";
import { helpdeskNoticeView } from "./helpdesk-notice-view.js";
import { noSmartphoneView } from "./no-smartphone-view.js";
import { pendingView } from "./pending-view.js";
import { previewView } from "./preview-view.js";
import { registrationLink } from "./registration-link.js";
import { reminderView } from "./reminder-view.js";
import { signInHelpView } from "./sign-in-help-view.js";
import { snoozedView } from "./snoozed-view.js";
import { statusView } from "./status-view.js";
import { stillMissingView } from "./still-missing-view.js";
import { thankYouView } from "./thank-you-view.js";
import { userView } from "./user-view.js";
import { welcomeView } from "./welcome-view.js";

export { cardAttachment, type CardAttachment } from "./card-attachment.js";
export type { AdaptiveCard } from "./adaptive-card.js";
export { messageText, type MessageKey } from "./message-text.js";

type Views = { [N in CardName]: (card: CardDataByName[N], context: CardContext, text: CardText) => CardView };

const VIEWS: Views = {
  reminder: reminderView,
  signInHelp: signInHelpView,
  thankYou: thankYouView,
  stillMissing: stillMissingView,
  checking: checkingView,
  snoozed: snoozedView,
  helpRequested: helpRequestedView,
  noSmartphone: noSmartphoneView,
  escalation: escalationView,
  helpdeskNotice: helpdeskNoticeView,
  status: statusView,
  pending: pendingView,
  user: userView,
  preview: previewView,
  help: helpView,
  welcome: welcomeView,
  digest: digestView,
  digestReminded: digestRemindedView,
  adminReport: adminReportView,
  alert: alertView,
  doctor: doctorView,
};

/**
 * One card of the family as a plain Adaptive Card 1.5 object, in the context's language and time
 * zone. Throws on input it cannot show truthfully: a malformed date, a non-https registration URL,
 * a missing string. The status and report cards also carry Teams' `Chart.Donut` and `Chart.Line`
 * elements, each with a `fallback` that says the same in text for clients that cannot draw them.
 *
 * Every string that comes in is data, never markup: it is cleaned on the way in (no control, bidi or
 * zero-width characters, at most 256 characters) and every text Teams reads as Markdown is escaped on
 * the way out, so the only links a card carries are the registration page and the helpdesk's own
 * addresses. Both happen here, for every card, so no view can forget them.
 */
export function renderCard<N extends CardName>(name: N, card: CardDataByName[N], context: CardContext): AdaptiveCard {
  const view: Views[N] = VIEWS[name];
  const reader = cleanContext(context);
  const { template, data } = view(cleanCardData(card), reader, CardText.load(context.language));
  return escapeCardMarkdown(expandCardTemplate(template, data), ownAddresses(reader));
}

// The campaign file is trusted, but its free text must not break a card's layout either.
function cleanContext(context: CardContext): CardContext {
  const { url, email, name } = context.helpdesk;
  return {
    ...context,
    senderName: cleanOutsideText(context.senderName),
    helpdesk: {
      name: cleanOutsideText(name),
      ...(url === undefined ? {} : { url: cleanOutsideText(url, URL_LENGTH) }),
      ...(email === undefined ? {} : { email: cleanOutsideText(email) }),
    },
  };
}

// Longer than any name: an address is cut only when it is absurd, as a cut one leads nowhere.
const URL_LENGTH = 2048;

function ownAddresses(context: CardContext): string[] {
  const link = registrationLink(context.registrationUrl);
  return [link.url, link.address, context.helpdesk.url ?? "", context.helpdesk.email ?? ""];
}
