import type { CardContext, HelpRequestedCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { contactView } from "./contact-view.js";

/** Binds cards/help-requested.json: what happens now that the helpdesk knows, and how to reach it. */
export function helpRequestedView(_card: HelpRequestedCard, context: CardContext, text: CardText): CardView {
  const data = {
    ...commonView(context, text),
    title: text.text("helpRequested.title"),
    told: text.text("helpRequested.told", { helpdesk: context.helpdesk.name }),
    direct: text.text("helpRequested.direct"),
    contact: contactView(context.helpdesk, text),
    meanwhile: text.text("helpRequested.meanwhile"),
  };
  return { template: "help-requested", data };
}
