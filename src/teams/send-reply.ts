import type { Activity, ResourceResponse, TurnContext } from "botbuilder";
import { isTransient, retryDelayMs } from "../delivery/retry-delay.js";
import { describeSdkFailure } from "./sdk-failure.js";

export interface ReplyRetry {
  /** Tries in all, the first included. */
  readonly attempts: number;
  /** Never wait longer than this in all, whatever Retry-After says. */
  readonly maxWaitMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

/*
 * A reply has no outbox row to come back to: a 429 (or a 412, 502, 503, 504, a timeout) is retried
 * here, honouring Retry-After as proactive sends do, within the turn. The paced client has already
 * held every sender for the Retry-After; this waits it out for the one reply that was refused.
 */
const defaults: ReplyRetry = {
  attempts: 5,
  maxWaitMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Sends a reply in the turn, retrying what Teams documents as transient. Throws the last failure. */
export async function sendReply(
  context: TurnContext,
  activity: Partial<Activity>,
  retry: ReplyRetry = defaults,
): Promise<ResourceResponse | undefined> {
  let waited = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await context.sendActivity(activity);
    } catch (error) {
      const failure = describeSdkFailure(error);
      const delay = retryDelayMs(attempt, failure.retryAfterMs);
      if (attempt >= retry.attempts || !isTransient(failure.status) || waited + delay > retry.maxWaitMs) throw error;
      waited += delay;
      await retry.sleep(delay);
    }
  }
}
