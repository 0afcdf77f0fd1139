import type { Activity } from "botbuilder";
import type { AuthenticateRequestResult } from "botframework-connector";
import type { Logger } from "pino";
import { isWellFormedBearer } from "./bearer-token-shape.js";
import type { BotAdapter } from "./create-teams-adapter.js";

export type CallerCheck =
  { readonly ok: true; readonly auth: AuthenticateRequestResult } | { readonly ok: false; readonly status: 401 | 503 };

export interface CallerCheckOptions {
  readonly adapter: BotAdapter;
  /** Local mode: nobody is authenticated, and an Authorization header is ignored. */
  readonly local: boolean;
  readonly log: Logger;
  readonly now?: () => number;
  /** How long the signing keys may take to fetch before the caller is told to come back (503). */
  readonly keyTimeoutMs?: number;
  /** After the keys could not be fetched, callers get 503 at once for this long rather than each trying again. */
  readonly keyBackoffMs?: number;
}

/**
 * Decides whether a request comes from Teams. A token that is malformed or not RS256 is refused
 * without a key lookup; a token the Bot Framework library rejects, for whatever reason, is a 401;
 * when the signing keys cannot be fetched (DNS, refused, a timeout, an error page) nobody can be
 * checked, which is the service's problem, not the caller's: 503, and no new lookup for a while,
 * so a flood of requests does not become a flood of key fetches.
 */
export function createCallerCheck(
  options: CallerCheckOptions,
): (activity: Activity, authorization: string | undefined) => Promise<CallerCheck> {
  const { adapter, log } = options;
  const now = options.now ?? Date.now;
  const keyTimeoutMs = options.keyTimeoutMs ?? 10_000;
  const keyBackoffMs = options.keyBackoffMs ?? 30_000;
  let keysFailedAt = -Infinity;

  return async (activity, authorization) => {
    if (options.local) return { ok: true, auth: await adapter.authenticate(activity, "") };
    if (!isWellFormedBearer(authorization)) {
      log.debug({ reason: "malformed" }, "request token refused");
      return { ok: false, status: 401 };
    }
    if (now() - keysFailedAt < keyBackoffMs) return { ok: false, status: 503 };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new KeyTimeout(`the signing keys took longer than ${keyTimeoutMs} ms`)), keyTimeoutMs);
    });
    try {
      return { ok: true, auth: await Promise.race([adapter.authenticate(activity, authorization ?? ""), timeout]) };
    } catch (error) {
      if (isKeyFetchFailure(error)) {
        keysFailedAt = now();
        log.warn({ error: (error as Error).message }, "the Bot Framework's signing keys could not be fetched");
        return { ok: false, status: 503 };
      }
      log.debug({ reason: (error as Error).message }, "request token refused");
      return { ok: false, status: 401 };
    } finally {
      clearTimeout(timer);
    }
  };
}

class KeyTimeout extends Error {}

/**
 * botframework-connector fetches the OpenID document and its keys with node-fetch: a network
 * failure surfaces as node-fetch's FetchError, an error status as an AuthenticationError with
 * statusCode 500 and "Failed to load ..." (openIdMetadata.js).
 */
function isKeyFetchFailure(error: unknown): boolean {
  if (error instanceof KeyTimeout) return true;
  const e = error as { name?: string; statusCode?: number; message?: string };
  if (e.name === "FetchError") return true;
  return e.statusCode === 500 && typeof e.message === "string" && e.message.startsWith("Failed to load");
}
