import { pickLanguage } from "./pick-language.js";
import type { CardContext } from "./card-data.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import { isValidZone } from "../campaign/local-calendar.js";

/** The campaign's side of every card, in the reader's language and time zone. */
export function cardContextFor(
  policy: CampaignPolicy,
  preferredLanguage: string | null | undefined,
  timeZone: string | null | undefined,
): CardContext {
  return {
    language: pickLanguage(preferredLanguage),
    timeZone: timeZone && isValidZone(timeZone) ? timeZone : policy.timeZone,
    senderName: policy.senderName,
    registrationUrl: policy.registrationUrl,
    helpdesk: {
      name: policy.helpdesk.name,
      ...(policy.helpdesk.url ? { url: policy.helpdesk.url } : {}),
      ...(policy.helpdesk.email ? { email: policy.helpdesk.email } : {}),
    },
    requirement: policy.requirement,
  };
}
