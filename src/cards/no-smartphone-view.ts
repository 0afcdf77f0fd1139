import type { CardContext, NoSmartphoneCard, Requirement } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";

type Alternative = "phone" | "oathToken" | "fido2" | "windowsHello";

// What works without a smartphone, per requirement. Calls and texts do not satisfy "authenticator"
// (that is the point of it), and only FIDO2 keys and Windows Hello resist phishing.
const ALTERNATIVES: Readonly<Record<Requirement, readonly Alternative[]>> = {
  mfa: ["phone", "oathToken", "fido2"],
  authenticator: ["oathToken", "fido2"],
  phishingResistant: ["fido2", "windowsHello"],
};

/** Binds cards/no-smartphone.json: the answer to "No smartphone?". */
export function noSmartphoneView(card: NoSmartphoneCard, context: CardContext, text: CardText): CardView {
  const common = commonView(context, text);
  const data = {
    ...common,
    outboxId: card.outboxId,
    userId: card.userId,
    title: text.text("noSmartphone.title"),
    intro: text.text("noSmartphone.intro"),
    options: ALTERNATIVES[context.requirement].map((option) =>
      text.text(`noSmartphone.options.${option}`, { setUpNow: common.label.setUpNow }),
    ),
    phoneNotEnough: text.text("noSmartphone.phoneNotEnough"),
    showPhoneNotEnough: context.requirement === "authenticator",
    askHelpdesk: text.text("noSmartphone.askHelpdesk", { helpdesk: context.helpdesk.name, help: common.label.help }),
  };
  return { template: "no-smartphone", data };
}
