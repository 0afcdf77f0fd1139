import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { OutboxRow } from "../store/outbox.js";
import type { AppInstaller } from "./app-installer.js";
import { isTransient } from "./retry-delay.js";
import { TeamsDeliveryError, type ConversationRef, type TeamsMessenger } from "./teams-messenger.js";

export type DeliveryOutcome =
  | { readonly result: "sent"; readonly activityId: string; readonly conversation: ConversationRef; readonly installed: boolean }
  | {
      readonly result: "retry";
      readonly retryAfterMs: number | undefined;
      readonly error: string;
      /** Teams gave no answer at all (a timeout, a refused connection), rather than a refusal. */
      readonly unanswered?: boolean;
    }
  | { readonly result: "unreachable"; readonly reason: string }
  | { readonly result: "failed"; readonly error: string };

export interface DeliverDeps {
  readonly messenger: TeamsMessenger;
  readonly installer: AppInstaller | undefined;
  /** The stored conversation with the recipient, if any. */
  readonly knownConversation: ConversationRef | undefined;
  readonly activity: Record<string, unknown>;
}

/**
 * One message to one person, as an explicit sequence of checks: a conversation (opened, or the
 * bot installed for them first), then the send. Failures come back as outcomes, not exceptions,
 * so the caller decides once what each means for the row.
 */
export async function deliverMessage(row: Pick<OutboxRow, "recipient_id">, deps: DeliverDeps): Promise<DeliveryOutcome> {
  let installed = false;
  let conversation = deps.knownConversation;
  try {
    if (!conversation) ({ conversation, installed } = await openWithInstall(row.recipient_id, deps));
    try {
      const activityId = await deps.messenger.send(conversation, deps.activity);
      return { result: "sent", activityId, conversation, installed };
    } catch (error) {
      // A stored conversation can go stale (the bot was uninstalled, the chat was reset): open it afresh once.
      if (!deps.knownConversation || !isStale(error)) throw error;
      ({ conversation, installed } = await openWithInstall(row.recipient_id, deps));
      const activityId = await deps.messenger.send(conversation, deps.activity);
      return { result: "sent", activityId, conversation, installed };
    }
  } catch (error) {
    return classify(error);
  }
}

async function openWithInstall(userId: string, deps: DeliverDeps): Promise<{ conversation: ConversationRef; installed: boolean }> {
  try {
    return { conversation: await deps.messenger.openConversation(userId), installed: false };
  } catch (error) {
    if (!(error instanceof TeamsDeliveryError) || error.code !== "BotNotInConversationRoster" || !deps.installer) throw error;
    const install = await deps.installer.installFor(userId);
    if (install === "blocked") throw new Unreachable("a Teams app permission policy blocks installing the bot for them");
    return { conversation: await deps.messenger.openConversation(userId), installed: install === "installed" };
  }
}

class Unreachable extends Error {}

const retryableGraph = new Set([ErrorCode.GraphUnreachable, ErrorCode.GraphThrottled, ErrorCode.GraphRequestFailed]);

function isStale(error: unknown): boolean {
  return error instanceof TeamsDeliveryError && (error.status === 404 || error.code === "BotNotInConversationRoster");
}

function classify(error: unknown): DeliveryOutcome {
  if (error instanceof Unreachable) return { result: "unreachable", reason: error.message };
  if (error instanceof TeamsDeliveryError) {
    const text = `${error.status} ${error.code}: ${error.message}`;
    if (error.status === 403) {
      return {
        result: "unreachable",
        reason:
          error.code === "BotNotInConversationRoster"
            ? "the bot is not installed for them and could not be installed"
            : `Teams refused: ${text}`,
      };
    }
    if (isTransient(error.status)) {
      return { result: "retry", retryAfterMs: error.retryAfterMs, error: text, ...(error.status === 0 ? { unanswered: true } : {}) };
    }
    return { result: "failed", error: text };
  }
  if (error instanceof AppError && !retryableGraph.has(error.code)) {
    return { result: "failed", error: `${error.message}${error.hint ? ` (${error.hint})` : ""}` };
  }
  // Network failures and Graph hiccups during an install are worth another try later.
  return { result: "retry", retryAfterMs: undefined, error: error instanceof Error ? error.message : String(error) };
}
