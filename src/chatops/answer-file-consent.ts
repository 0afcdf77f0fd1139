import { messageText } from "../cards/message-text.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { Store } from "../store/open-store.js";
import type { AdminRoster } from "./admin-roster.js";
import { exportCsv } from "./export-command.js";
import { replyLanguage } from "./reply-language.js";

export interface FileConsentDeps {
  readonly store: Store;
  readonly policy: CampaignPolicy;
  readonly roster: AdminRoster;
}

/**
 * The file an accepted consent card stands for (`/mfa export`'s CSV), made again for whoever
 * accepted it, and only if they are an admin now: a consent card forwarded or accepted late gets nothing.
 */
export async function answerAcceptedFile(actorId: string | undefined, locale: string | undefined, deps: FileConsentDeps) {
  if (!actorId || !(await deps.roster.isAdmin(actorId))) return undefined;
  return Buffer.from(await exportCsv(deps.store, deps.policy, await replyLanguage(deps.store, actorId, locale)), "utf8");
}

/** What to say when someone declines a file consent card. */
export async function answerDeclinedFile(actorId: string | undefined, locale: string | undefined, store: Store): Promise<string> {
  return messageText(await replyLanguage(store, actorId, locale), "exportDeclined");
}
