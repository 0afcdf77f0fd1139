import graphSdk from "@microsoft/microsoft-graph-client";
import type { Clock } from "../../time/clock.js";
import type { RequestPace } from "../../time/sliding-window.js";
import { BearerTokenHandler } from "./bearer-token-handler.js";
import { FetchHandler } from "./fetch-handler.js";
import { toGraphError } from "./graph-error.js";
import { chainMiddleware } from "./middleware-chain.js";
import { NetworkRetryHandler } from "./network-retry-handler.js";
import { PaceHandler, type PaceEvents } from "./pace-handler.js";
import type { TokenProvider } from "./token-provider.js";

const { RetryHandler, RetryHandlerOptions } = graphSdk;

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com; requests go to `${baseUrl}/v1.0/...`. */
  readonly baseUrl: string;
  readonly tokens: TokenProvider;
  readonly clock: Clock;
  readonly reportsPace: { limit: number; windowMs: number };
  /** The identity-reports lane, when it is shared beyond this client (else one of its own, by reportsPace). */
  readonly reportsWindow?: RequestPace;
  readonly fetch?: typeof fetch;
  readonly events?: PaceEvents;
  /** Retries on 429, 503 and 504 (the SDK's RetryHandler), honouring Retry-After. */
  readonly maxRetries?: number;
  readonly timeoutMs?: number;
}

export interface GraphResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface GraphClient {
  readonly baseUrl: string;
  /** GET a path under /v1.0 (e.g. "/users") or an absolute nextLink on the same origin. */
  get(pathOrUrl: string, headers?: Record<string, string>): Promise<unknown>;
  post(path: string, body: unknown): Promise<GraphResponse>;
}

/**
 * The one way to Graph. Its middleware chain: our bearer token, the SDK's RetryHandler (429, 503,
 * 504, honouring Retry-After, bounded), retries of requests that got no answer (unreachable, timed
 * out), our pacing per resource family, then fetch with its timeout.
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const origin = new URL(options.baseUrl).origin;
  const send = chainMiddleware([
    new BearerTokenHandler(options.tokens, origin),
    new RetryHandler(new RetryHandlerOptions(1, options.maxRetries ?? 5)),
    new NetworkRetryHandler(options.clock),
    new PaceHandler(options.clock, options.reportsPace, options.events, options.reportsWindow),
    new FetchHandler(options.fetch ?? fetch, options.timeoutMs ?? 60_000),
  ]);
  const resolve = (pathOrUrl: string) => (/^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${options.baseUrl}/v1.0${pathOrUrl}`);

  async function request(method: string, pathOrUrl: string, headers: Record<string, string>, body?: unknown): Promise<GraphResponse> {
    const url = resolve(pathOrUrl);
    const init = {
      method,
      headers: { Accept: "application/json", ...headers, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    const context = await send({ request: url, options: init });
    const response = context.response;
    if (!response) throw new Error(`no response for ${method} ${url}`);
    const text = await response.text();
    if (!response.ok) throw toGraphError(response.status, text, pathAfterVersion(url));
    return { status: response.status, body: text === "" ? null : (JSON.parse(text) as unknown) };
  }

  return {
    baseUrl: options.baseUrl,
    get: async (pathOrUrl, headers = {}) => (await request("GET", pathOrUrl, headers)).body,
    post: (path, body) => request("POST", path, {}, body),
  };
}

function pathAfterVersion(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname.replace(/^\/(v1\.0|beta)/, "") + parsed.search;
}
