import { isSecureOrLoopback } from "../config/is-loopback-host.js";
import type { RequestPace } from "../time/sliding-window.js";
import { retryAfterToMs } from "../time/retry-after.js";
import type { ConversationPace } from "./conversation-pace.js";

/*
 * The HTTP client the Bot Connector SDK sends through (botbuilder's ConnectorClientOptions.httpClient,
 * the core-http-compat shape), for proactive sends and replies to commands alike. Every request,
 * first tries and retries alike, takes a slot in its conversation's windows (Teams' per-thread
 * limits) and in one shared window (50 requests per second per bot per tenant: in memory with
 * SQLite, in the database with PostgreSQL, where every instance takes from it); a 429 holds the
 * shared window for its Retry-After, so every sender slows, not just the one refused. A request
 * that gets no answer within the timeout is abandoned with a "Timeout" error, which the callers
 * retry: a connector that never answers must not hold a sender (or a run) for good.
 */

interface CompatHeaders {
  toJson(options?: { preserveCase?: boolean }): Record<string, string>;
  get(name: string): string | undefined;
}

interface WebResourceLike {
  url: string;
  method: string;
  headers: CompatHeaders;
  body?: unknown;
  abortSignal?: AbortSignal;
}

export interface CompatResponse {
  request: WebResourceLike;
  status: number;
  headers: CompatHeaders;
  bodyAsText: string;
}

export interface PacedHttpClientOptions {
  /** How long a request may take, answer included (default 30 s). */
  readonly timeoutMs?: number;
  /** Teams' per-conversation limits; without it only the shared window applies. */
  readonly conversations?: ConversationPace;
}

/** A failure the SDK surfaces like an HTTP one: its statusCode and code reach the delivery outcome. */
class ConnectorRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly statusCode?: number,
  ) {
    super(message);
  }
}

export class PacedHttpClient {
  private readonly timeoutMs: number;

  constructor(
    private readonly window: RequestPace,
    private readonly now: () => number,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly options: PacedHttpClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async sendRequest(request: WebResourceLike): Promise<CompatResponse> {
    const headers = request.headers.toJson({ preserveCase: true });
    if (Object.keys(headers).some((h) => h.toLowerCase() === "authorization") && !isSecureOrLoopback(request.url)) {
      // The bot's token goes to Teams over https only; a serviceUrl in clear text is refused outright.
      throw new ConnectorRequestError(
        `refusing to send the bot's token over plain http to ${new URL(request.url).host}`,
        "InsecureServiceUrl",
        400,
      );
    }
    const conversation = conversationOf(request.url);
    const releaseConversation =
      conversation && this.options.conversations ? await this.options.conversations.acquire(conversation) : undefined;
    const release = await this.window.acquire();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.timeoutMs);
    const signal = request.abortSignal ? anySignal([request.abortSignal, timeout.signal]) : timeout.signal;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(request.url, {
        method: request.method,
        headers,
        ...(request.body === undefined || request.body === null ? {} : { body: request.body as string }),
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (timeout.signal.aborted) {
        throw new ConnectorRequestError(
          `Teams did not answer ${request.method} ${new URL(request.url).pathname} within ${this.timeoutMs} ms`,
          "Timeout",
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
      release();
      releaseConversation?.();
    }
    if (response.status === 429) this.window.pauseUntil(this.now() + retryAfterToMs(response.headers.get("Retry-After"), this.now()));
    const responseHeaders = Object.fromEntries(response.headers.entries());
    return {
      request,
      status: response.status,
      headers: { toJson: () => ({ ...responseHeaders }), get: (name) => responseHeaders[name.toLowerCase()] },
      bodyAsText: text,
    };
  }
}

/** The conversation a Connector request is about: /v3/conversations/{id}/activities[/...]. */
function conversationOf(url: string): string | undefined {
  const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(new URL(url).pathname);
  return match ? decodeURIComponent(match[1] ?? "") : undefined;
}

/** Aborts when any of the signals does (AbortSignal.any arrived in Node 20.3). */
function anySignal(signals: AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) controller.abort();
    else s.addEventListener("abort", () => controller.abort(), { once: true });
  }
  return controller.signal;
}
