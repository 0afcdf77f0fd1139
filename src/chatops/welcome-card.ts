import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { cardContextFor } from "../cards/card-context.js";
import { firstKnownLanguage } from "../cards/pick-language.js";
import { renderCard } from "../cards/render-card.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { Store } from "../store/open-store.js";
import type { AdminRoster } from "./admin-roster.js";
import { listedCommands } from "./chat-commands.js";
import { readSyncedPerson } from "./reply-language.js";

export interface WelcomeDeps {
  readonly store: Store;
  readonly policy: CampaignPolicy;
  readonly roster: AdminRoster;
}

/**
 * The card for someone who just installed the bot (or had it installed for them): by their first
 * name as the directory knows it, else the first word of the name Teams gives; the commands for an admin.
 */
export async function welcomeCard(actorId: string, name: string, locale: string | undefined, deps: WelcomeDeps): Promise<AdaptiveCard> {
  const person = await readSyncedPerson(deps.store, actorId);
  const isAdmin = await deps.roster.isAdmin(actorId);
  return renderCard(
    "welcome",
    { firstName: person?.givenName ?? name.split(" ")[0] ?? "", isAdmin, commands: listedCommands() },
    cardContextFor(deps.policy, firstKnownLanguage(locale, person?.preferredLanguage), null),
  );
}
