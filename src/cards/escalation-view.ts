import type { CardContext, EscalationCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { contactView } from "./contact-view.js";
import { deadlineView } from "./deadline-view.js";

/**
 * Binds cards/escalation.json, to a manager about one person. It has no buttons: the manager cannot
 * register for them, so a "Set up now" here would only invite the wrong person to try.
 */
export function escalationView(card: EscalationCard, context: CardContext, text: CardText): CardView {
  const { displayName, userPrincipalName, department = "" } = card.person;
  const data = {
    ...commonView(context, text),
    title: text.text("escalation.title", { displayName }),
    intro: text.plural("escalation.intro", card.remindersSent, { managerFirstName: card.managerFirstName, displayName }),
    facts: {
      name: text.text("escalation.name"),
      account: text.text("escalation.account"),
      department: text.text("escalation.department"),
    },
    person: { displayName, userPrincipalName, department, hasDepartment: department !== "" },
    deadline: deadlineView(card.deadline, card.daysLeft, context, text),
    canDo: text.text("escalation.canDo"),
    ask: text.text("escalation.ask"),
    pointToHelpdesk: text.text("escalation.pointToHelpdesk", { helpdesk: context.helpdesk.name }),
    contact: contactView(context.helpdesk, text),
    note: text.text("escalation.note", { displayName }),
  };
  return { template: "escalation", data };
}
