import { hostname } from "node:os";
import type { Logger } from "pino";
import { isPaused } from "../store/app-state.js";
import { holdPresence, releaseClaimsOfDeparted } from "../store/presence.js";
import { recordAudit } from "../store/audit-log.js";
import type { Store } from "../store/open-store.js";
import { claimMessages, markFinal, markHeld, markRetry, markSent, nextReadyAt, releaseClaim, type OutboxRow } from "../store/outbox.js";
import { readPersonState, updatePersonState, type PersonState } from "../store/people-state.js";
import type { Clock } from "../time/clock.js";
import type { AppInstaller } from "./app-installer.js";
import { deliverMessage } from "./deliver-message.js";
import { releaseOrphanedClaims } from "./release-orphaned-claims.js";
import { retryDelayMs } from "./retry-delay.js";
import type { ConversationRef, TeamsMessenger } from "./teams-messenger.js";

export interface DrainOptions {
  readonly store: Store;
  readonly messenger: TeamsMessenger;
  readonly installer: AppInstaller | undefined;
  /** The Bot Connector's base URL, for a chat found through Graph after an install. */
  readonly serviceUrl: string;
  readonly clock: Clock;
  readonly log: Logger;
  /** Builds the activity for a row (the card, in the recipient's language, as of now), and its channel if it has one. */
  readonly render: (
    row: OutboxRow,
    recipient: PersonState | undefined,
  ) => Promise<{ activity: Record<string, unknown>; conversation?: ConversationRef }>;
  /** Sends in flight at once. Teams' pace is enforced below, in the messenger. */
  readonly concurrency?: number;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  /** How long a person Teams refused is left alone before the next try. */
  readonly unreachableForMs?: number;
  /** How long a message waits when the setup is broken (a permission, the catalog id) before it is tried again. */
  readonly holdForMs?: number;
  /** Stop once nothing is ready now (the server's periodic drain) instead of waiting for retries (run-once). */
  readonly stopWhenIdle?: boolean;
  /** Stop the run after this many sends in a row got no answer from Teams at all (default: one per lane, at least 3). */
  readonly unansweredLimit?: number;
  readonly onOutcome?: (outcome: DrainTally) => void;
  /**
   * Once aborted (the process is shutting down), nothing more is claimed, rows claimed but not yet
   * being sent go back to the queue untried, and the sends already under way finish.
   */
  readonly stop?: AbortSignal;
}

const noticesOnly = ["notice"] as const;

export interface DrainTally {
  sent: number;
  retried: number;
  unreachable: number;
  failed: number;
  installed: number;
  /** Messages put back because the setup is broken; nobody was marked for them. */
  held: number;
  /** The last failure seen, for the admins' alert. */
  lastError?: string;
  /** Why the run stopped before the outbox was drained (Teams stopped answering); the rest waits for the next run. */
  halted?: string;
  /** What is wrong with the setup, when something held messages back. */
  setupProblem?: string;
}

/**
 * Sends what the outbox holds. Each worker claims rows (a lease in the store), sends, and marks
 * the row; a row whose worker died is claimed again once its lease runs out. See the README's
 * "Exactly once" section for what happens to a send in flight at a crash.
 */
export async function drainOutbox(options: DrainOptions): Promise<DrainTally> {
  const { store, clock, log } = options;
  const concurrency = options.concurrency ?? 8;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const worker = `${senderPrefix()}${Math.random().toString(36).slice(2, 8)}`;
  const holdForMs = options.holdForMs ?? 3_600_000;
  const tally: DrainTally = { sent: 0, retried: 0, unreachable: 0, failed: 0, installed: 0, held: 0 };
  let heldUntil = Infinity;
  await releaseOrphanedClaims(store, new Date(clock.now()));
  // Claims of senders on other instances that died: theirs go back at once (PostgreSQL only).
  const recovered = await releaseClaimsOfDeparted(store, new Date(clock.now()));
  if (recovered > 0) log.warn({ recovered }, "took back the claims of a sender that stopped");
  // When Teams answers nothing (every send times out), trying the rest only holds the run for a
  // timeout each; after this many in a row the run stops and the next one tries again.
  const unansweredLimit = options.unansweredLimit ?? Math.max(3, concurrency);
  let unansweredInARow = 0;

  const handle = async (row: OutboxRow): Promise<void> => {
    if (tally.halted || options.stop?.aborted) {
      await releaseClaim(store, row.id, worker);
      return;
    }
    // One read of the recipient's state per message: the card needs their time zone and snoozes, the send their chat.
    const state = row.kind === "notice" ? undefined : await readPersonState(store, row.recipient_id);
    let rendered: { activity: Record<string, unknown>; conversation?: ConversationRef };
    try {
      rendered = await options.render(row, state);
    } catch (error) {
      await markFinal(store, row.id, worker, "failed", `could not render: ${(error as Error).message}`);
      tally.failed += 1;
      return;
    }
    const known =
      rendered.conversation ??
      (state?.conversation_id && state.service_url ? { conversationId: state.conversation_id, serviceUrl: state.service_url } : undefined);
    const outcome = await deliverMessage(row, {
      messenger: options.messenger,
      installer: options.installer,
      knownConversation: known,
      serviceUrl: options.serviceUrl,
      activity: rendered.activity,
    });
    const now = new Date(clock.now());
    unansweredInARow = outcome.result === "retry" && outcome.unanswered ? unansweredInARow + 1 : 0;
    if (unansweredInARow >= unansweredLimit && !tally.halted) {
      tally.halted = `Teams answered none of the last ${unansweredInARow} sends`;
      log.warn(
        { unanswered: unansweredInARow, lastError: outcome.result === "retry" ? outcome.error : undefined },
        "Teams is not answering; delivery stops until the next run",
      );
    }
    if ((outcome.result === "sent" || outcome.result === "retry") && outcome.installed) {
      tally.installed += 1;
      await recordAudit(store, now, { actorKind: "system", action: "app.installed", subjectId: row.recipient_id });
    }
    switch (outcome.result) {
      case "sent":
        await markSent(store, row.id, worker, {
          at: now,
          activityId: outcome.activityId,
          conversationId: outcome.conversation.conversationId,
        });
        if (!rendered.conversation && outcome.conversation.conversationId !== known?.conversationId) {
          await updatePersonState(store, row.recipient_id, now, {
            conversation_id: outcome.conversation.conversationId,
            service_url: outcome.conversation.serviceUrl,
            unreachable_until: null,
            unreachable_reason: null,
          });
        }
        tally.sent += 1;
        break;
      case "retry":
        tally.lastError = outcome.error;
        if (row.attempts >= maxAttempts) {
          await markFinal(store, row.id, worker, "failed", `gave up after ${row.attempts} tries: ${outcome.error}`);
          tally.failed += 1;
        } else {
          await markRetry(store, row.id, worker, new Date(now.getTime() + retryDelayMs(row.attempts, outcome.retryAfterMs)), outcome.error);
          tally.retried += 1;
        }
        break;
      case "unreachable":
        await markFinal(store, row.id, worker, "unreachable", outcome.reason);
        await updatePersonState(store, row.recipient_id, now, {
          unreachable_until: new Date(now.getTime() + (options.unreachableForMs ?? 7 * 86_400_000)).toISOString(),
          unreachable_reason: outcome.reason,
          unreachable_code: outcome.code,
        });
        await recordAudit(store, now, {
          actorKind: "system",
          action: "person.unreachable",
          subjectId: row.recipient_id,
          detail: { reason: outcome.reason, code: outcome.code },
        });
        tally.unreachable += 1;
        break;
      case "held":
        // Not this person's doing: the row waits, uncounted, for the setup to be fixed.
        await markHeld(store, row.id, worker, new Date(now.getTime() + holdForMs), outcome.problem);
        heldUntil = Math.min(heldUntil, now.getTime() + holdForMs);
        tally.setupProblem ??= outcome.problem;
        tally.held += 1;
        break;
      case "failed":
        tally.lastError = outcome.error;
        await markFinal(store, row.id, worker, "failed", outcome.error);
        log.error({ outboxId: row.id, recipient: row.recipient_id, error: outcome.error }, "delivery failed");
        tally.failed += 1;
        break;
    }
    options.onOutcome?.({ ...tally });
  };

  // Held while this sender claims: if its process dies, other instances take its claims back.
  const presence = await holdPresence(store, worker);
  try {
    while (!options.stop?.aborted) {
      // While an admin has paused the campaign only notices (admin reports, alerts) go out; the rest waits.
      const kinds = (await isPaused(store)) ? noticesOnly : undefined;
      const rows = await claimMessages(store, worker, concurrency * 4, new Date(clock.now()), leaseMs, kinds);
      if (rows.length === 0) {
        const next = await nextReadyAt(store, kinds);
        // Held rows wait for an admin to fix the setup; this drain need not wait with them.
        if (!next || options.stopWhenIdle || next.getTime() >= heldUntil) break;
        const wait = Math.max(50, next.getTime() - clock.now());
        // A drain that may be stopped looks up at least once a second.
        await clock.sleep(options.stop ? Math.min(1000, wait) : wait);
        continue;
      }
      await runPool(rows, concurrency, handle);
      if (tally.halted) break;
    }
  } finally {
    await presence.release();
  }
  return tally;
}

/** How every sender of this process begins its worker id: `host:pid:` (release-orphaned-claims reads the pid back). */
export function senderPrefix(): string {
  return `${hostname()}:${process.pid}:`;
}

/** Runs `work` over `items` with at most `limit` at once. */
async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(lanes);
}
