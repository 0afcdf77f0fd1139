import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { OutboxRow } from "../store/outbox.js";
import { isSetupError, type AppInstaller } from "./app-installer.js";
import { isTransient } from "./retry-delay.js";
import { TeamsDeliveryError, type ConversationRef, type TeamsMessenger } from "./teams-messenger.js";

export type DeliveryOutcome =
  | { readonly result: "sent"; readonly activityId: string; readonly conversation: ConversationRef; readonly installed: boolean }
  | {
      readonly result: "retry";
      readonly retryAfterMs: number | undefined;
      readonly error: string;
      readonly installed: boolean;
      /** Teams gave no answer at all (a timeout, a refused connection), rather than a refusal. */
      readonly unanswered?: boolean;
    }
  /** Teams or Graph refused this person for good; `code` is theirs (ConversationBlockedByUser, Forbidden, …). */
  | { readonly result: "unreachable"; readonly reason: string; readonly code: string }
  /** The setup is wrong (a permission, the catalog id, the credentials): nobody's fault, nobody marked; admins alerted. */
  | { readonly result: "held"; readonly problem: string }
  | { readonly result: "failed"; readonly error: string };

export interface DeliverDeps {
  readonly messenger: TeamsMessenger;
  readonly installer: AppInstaller | undefined;
  /** The stored conversation with the recipient, if any. */
  readonly knownConversation: ConversationRef | undefined;
  readonly serviceUrl: string;
  readonly activity: Record<string, unknown>;
}

/*
 * The Bot Connector's 403s that are the person's or the admin's choice, not a moment's state
 * (msteams-docs, "Status codes from bot conversational APIs"): never retried.
 */
const refusals: Readonly<Record<string, string>> = {
  ConversationBlockedByUser: "they blocked the bot in Teams",
  BotDisabledByAdmin: "a Teams admin disabled the bot for them",
};

/**
 * One message to one person, as an explicit sequence of checks: a conversation (known, opened, or
 * the bot installed for them first), then the send. Failures come back as outcomes, not
 * exceptions, so the caller decides once what each means for the row.
 *
 * Teams opens the chat a few seconds after an install (and tells the bot with a conversationUpdate),
 * so right after installing, the Bot Connector still refuses the conversation. The documented route
 * is to ask Graph for the installation's chat; until it exists the message is retried with back-off,
 * and nobody is marked unreachable for refusals in that window.
 */
export async function deliverMessage(row: Pick<OutboxRow, "recipient_id" | "attempts">, deps: DeliverDeps): Promise<DeliveryOutcome> {
  const userId = row.recipient_id;
  try {
    if (deps.knownConversation) {
      try {
        return await sendTo(deps.knownConversation, deps, false);
      } catch (error) {
        // A stored conversation can go stale (the bot was uninstalled, the chat was reset): open it afresh.
        if (!isStale(error)) throw error;
      }
    }
    let conversation: ConversationRef;
    try {
      conversation = await deps.messenger.openConversation(userId);
    } catch (error) {
      if (!isNotInstalled(error) || !deps.installer) throw error;
      return await installThenSend(userId, deps.installer, deps, row.attempts);
    }
    return await sendTo(conversation, deps, false);
  } catch (error) {
    return classify(error);
  }
}

/*
 * Teams opens the chat "a few seconds" after an install; asking again sooner only costs requests.
 * Doubling from 4 s to a minute gives it about five minutes over the default eight tries.
 */
const chatWaitMs = (attempt: number) => Math.min(60_000, 4000 * 2 ** Math.max(0, attempt - 1));

async function installThenSend(userId: string, installer: AppInstaller, deps: DeliverDeps, attempt: number): Promise<DeliveryOutcome> {
  const install = await installer.installFor(userId);
  if (install.outcome === "blocked") {
    return { result: "unreachable", reason: "a Teams app permission policy keeps the bot from them", code: install.code };
  }
  if (install.outcome === "userGone") return { result: "unreachable", reason: "they are no longer in the directory", code: install.code };
  const installed = install.outcome === "installed";
  const chatId = await installer.chatWith(userId);
  const waiting = (why: string): DeliveryOutcome => ({ result: "retry", retryAfterMs: chatWaitMs(attempt), installed, error: why });
  if (!chatId) return waiting("installed; waiting for Teams to open the chat");
  try {
    return await sendTo({ conversationId: chatId, serviceUrl: deps.serviceUrl }, deps, installed);
  } catch (error) {
    if (error instanceof TeamsDeliveryError && (isNotInstalled(error) || error.status === 404)) {
      return waiting(`installed; Teams still refuses the chat (${error.status} ${error.code})`);
    }
    const outcome = classify(error);
    return outcome.result === "retry" ? { ...outcome, installed } : outcome;
  }
}

async function sendTo(conversation: ConversationRef, deps: DeliverDeps, installed: boolean): Promise<DeliveryOutcome> {
  const activityId = await deps.messenger.send(conversation, deps.activity);
  return { result: "sent", activityId, conversation, installed };
}

const retryableGraph = new Set([ErrorCode.GraphUnreachable, ErrorCode.GraphThrottled, ErrorCode.GraphRequestFailed]);

function isNotInstalled(error: unknown): boolean {
  return error instanceof TeamsDeliveryError && error.status === 403 && error.code === "BotNotInConversationRoster";
}

function isStale(error: unknown): boolean {
  return error instanceof TeamsDeliveryError && (error.status === 404 || error.code === "BotNotInConversationRoster");
}

function classify(error: unknown): DeliveryOutcome {
  if (isSetupError(error)) return { result: "held", problem: `${error.message}${error.hint ? ` ${error.hint}` : ""}` };
  if (error instanceof TeamsDeliveryError) {
    const text = `${error.status} ${error.code}: ${error.message}`;
    if (error.status === 403) {
      const reason =
        refusals[error.code] ??
        (error.code === "BotNotInConversationRoster" ? "the bot is not installed for them, and no catalog id to install it" : text);
      return { result: "unreachable", reason, code: error.code };
    }
    if (isTransient(error.status)) {
      return {
        result: "retry",
        retryAfterMs: error.retryAfterMs,
        error: text,
        installed: false,
        ...(error.status === 0 ? { unanswered: true } : {}),
      };
    }
    return { result: "failed", error: text };
  }
  if (error instanceof AppError && !retryableGraph.has(error.code)) {
    return { result: "failed", error: `${error.message}${error.hint ? ` (${error.hint})` : ""}` };
  }
  // Network failures and Graph hiccups during an install are worth another try later.
  return { result: "retry", retryAfterMs: undefined, error: error instanceof Error ? error.message : String(error), installed: false };
}
