import type { Activity } from "botbuilder";
import { isValidZone } from "../campaign/local-calendar.js";
import type { Store } from "../store/open-store.js";
import { updatePersonState } from "../store/people-state.js";

/**
 * Keeps what an activity tells us about the person who sent it: their time zone (reminders follow
 * their clock, not the campaign's), their Teams locale (proactive cards follow the language their
 * Teams speaks) and, in a 1:1 chat, the conversation to write back to.
 */
export async function recordVisitor(store: Store, activity: Partial<Activity>, now: Date): Promise<void> {
  const userId = activity.from?.aadObjectId;
  if (!userId) return;
  const changes: { time_zone?: string; conversation_id?: string; service_url?: string; locale?: string } = {};
  const zone = activity.localTimezone ?? clientInfoZone(activity);
  if (zone && isValidZone(zone)) changes.time_zone = zone;
  const locale = activity.locale ?? clientInfo(activity)?.locale;
  // A BCP 47 tag as Teams sends it ("de-DE"); anything else is not worth keeping.
  if (typeof locale === "string" && /^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(locale)) changes.locale = locale;
  if (activity.conversation?.conversationType === "personal" && activity.conversation.id && activity.serviceUrl) {
    changes.conversation_id = activity.conversation.id;
    changes.service_url = activity.serviceUrl;
  }
  if (Object.keys(changes).length > 0) await updatePersonState(store, userId, now, changes);
}

/** Teams puts the client's time zone in a clientInfo entity rather than localTimezone. */
function clientInfoZone(activity: Partial<Activity>): string | undefined {
  const info = clientInfo(activity);
  return typeof info?.timezone === "string" ? info.timezone : undefined;
}

function clientInfo(activity: Partial<Activity>): { timezone?: unknown; locale?: unknown } | undefined {
  return activity.entities?.find((e) => e.type === "clientInfo") as { timezone?: unknown; locale?: unknown } | undefined;
}
