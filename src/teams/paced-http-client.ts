import type { SlidingWindow } from "../time/sliding-window.js";
import { retryAfterToMs } from "../time/retry-after.js";

/*
 * The HTTP client the Bot Connector SDK sends through (botbuilder's ConnectorClientOptions.httpClient,
 * the core-http-compat shape). Every request to Teams, first tries and the SDK's own retries alike,
 * takes a slot in one shared window (Teams allows 50 requests per second per bot per tenant), and a
 * 429 holds that window for its Retry-After: every sender slows, not just the one refused.
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

export class PacedHttpClient {
  constructor(
    private readonly window: SlidingWindow,
    private readonly now: () => number,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async sendRequest(request: WebResourceLike): Promise<CompatResponse> {
    const release = await this.window.acquire();
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(request.url, {
        method: request.method,
        headers: request.headers.toJson({ preserveCase: true }),
        ...(request.body === undefined || request.body === null ? {} : { body: request.body as string }),
        ...(request.abortSignal ? { signal: request.abortSignal } : {}),
      });
      text = await response.text();
    } finally {
      release();
    }
    if (response.status === 429) this.window.pauseUntil(this.now() + retryAfterToMs(response.headers.get("Retry-After"), this.now()));
    const headers = Object.fromEntries(response.headers.entries());
    return {
      request,
      status: response.status,
      headers: { toJson: () => ({ ...headers }), get: (name) => headers[name.toLowerCase()] },
      bodyAsText: text,
    };
  }
}
