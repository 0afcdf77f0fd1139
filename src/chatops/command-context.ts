import type { CardContext } from "../cards/card-data.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { DoctorReport } from "../doctor/run-doctor.js";
import type { Store } from "../store/open-store.js";
import type { ChatReply } from "./chat-reply.js";

/** What every admin command works with. */
export interface CommandContext {
  readonly store: Store;
  readonly policy: CampaignPolicy;
  readonly now: number;
  /** The admin who asked, as the audit log records them. */
  readonly actorId: string;
  /** Their language and time zone, for the reply. */
  readonly card: CardContext;
  /** Sends what a command just queued without waiting for the next scheduled run. */
  readonly deliverSoon: () => void;
  /** The preflight against the tenant and the bot, as `mfa-nudge doctor` runs it. */
  readonly runDoctor: () => Promise<DoctorReport>;
}

export type CommandHandler = (args: string, context: CommandContext) => Promise<ChatReply>;
