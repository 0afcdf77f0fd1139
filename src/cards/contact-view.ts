import type { CardContext } from "./card-data.js";
import type { CardText } from "./card-text.js";

interface ContactLine {
  label: string;
  value: string;
  show: boolean;
}

export interface ContactView {
  show: boolean;
  web: ContactLine;
  email: ContactLine;
}

/**
 * The helpdesk's web address and email, whichever are configured. Cards show them as text, never
 * as buttons or hidden links: the registration page stays the only link a card carries.
 */
export function contactView(helpdesk: CardContext["helpdesk"], text: CardText): ContactView {
  const { url = "", email = "" } = helpdesk;
  return {
    show: url !== "" || email !== "",
    web: { label: text.text("contact.web"), value: url, show: url !== "" },
    email: { label: text.text("contact.email"), value: email, show: email !== "" },
  };
}
