import type { CardContext } from "./card-data.js";
import type { CardText } from "./card-text.js";
import { registrationLink } from "./registration-link.js";

export interface CommonView {
  lang: string;
  header: { from: string; official: string };
  label: { setUpNow: string; done: string; snooze: string; help: string; noSmartphone: string };
  registrationUrl: string;
  trust: string;
}

/** What every card of the family binds: the header saying who it is from, button labels, the one link. */
export function commonView(context: CardContext, text: CardText): CommonView {
  const link = registrationLink(context.registrationUrl);
  return {
    lang: context.language,
    header: { from: context.senderName, official: text.text("header.official") },
    label: {
      setUpNow: text.text("actions.setUpNow"),
      done: text.text("actions.done"),
      snooze: text.text("actions.snooze"),
      help: text.text("actions.help"),
      noSmartphone: text.text("actions.noSmartphone"),
    },
    registrationUrl: link.url,
    trust: text.text("trust", { address: link.address }),
  };
}
