import type { CardContext, HelpdeskNoticeCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { deadlineView } from "./deadline-view.js";
import { formatMoment } from "./format-card-date.js";
import { methodNames } from "./method-names.js";

/**
 * Binds cards/helpdesk-notice.json, posted to the helpdesk channel. The context is the channel's
 * (its language and zone), so the time carries the zone's name.
 */
export function helpdeskNoticeView(card: HelpdeskNoticeCard, context: CardContext, text: CardText): CardView {
  const common = commonView(context, text);
  const { displayName, userPrincipalName, id, department = "" } = card.person;
  const methods = methodNames(card.methodsRegistered, text);
  const data = {
    ...common,
    title: text.text("helpdeskNotice.title"),
    intro: text.text("helpdeskNotice.intro", { displayName, help: common.label.help }),
    facts: {
      name: text.text("helpdeskNotice.name"),
      account: text.text("helpdeskNotice.account"),
      department: text.text("helpdeskNotice.department"),
      objectId: text.text("helpdeskNotice.objectId"),
      methods: text.text("helpdeskNotice.methods"),
      requestedAt: text.text("helpdeskNotice.requestedAt"),
    },
    person: { displayName, userPrincipalName, id, department, hasDepartment: department !== "" },
    methods: methods.length > 0 ? methods.join(", ") : text.text("methods.none"),
    requestedAt: text.text("helpdeskNotice.requestedAtValue", formatMoment(card.requestedAt, context, true)),
    deadline: deadlineView(card.deadline, card.daysLeft, context, text),
  };
  return { template: "helpdesk-notice", data };
}
