import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { systemClock, type Clock } from "../../time/clock.js";
import { FaultInjector, type GraphFault } from "./fault-injector.js";
import { GraphError, resourceNotFound } from "./graph-error.js";
import { checkQueryOptions, type GraphEnvironment, type GraphReply } from "./graph-route.js";
import { GRAPH_ROUTES } from "./graph-routes.js";
import { readRequestBody } from "./read-request-body.js";
import { errorReply, sendGraphReply } from "./send-graph-reply.js";
import type { SimulatedTenant } from "./simulated-tenant.js";
import { REPORTS_THROTTLE, SlidingWindowThrottle, type ThrottleLimit } from "./sliding-window-throttle.js";
import { tenantSetupFor } from "./doctor-scenarios.js";
import { checkPermission } from "./permission-rules.js";
import { answerSignIn, SIGN_IN_PATH } from "./sign-in-route.js";
import type { TenantSetup } from "./tenant-setup.js";

export interface GraphServerOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Always 127.0.0.1; the option exists so callers can state it. */
  host?: "127.0.0.1";
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Wall-clock delay before every response (network latency is not simulated time). */
  latencyMs?: number;
  /** Identity reports throttle; default Graph's published 5 requests per 10 s. */
  reportsThrottle?: ThrottleLimit;
  /** For the throttle window, the report lag and timestamps. Default systemClock. */
  clock?: Clock;
  /** How far the registration report trails registrations, in ms on the clock. Default 0. */
  reportLagMs?: number;
  /** Permissions, licence and policies; default the "all-good" scenario. */
  setup?: TenantSetup;
  /** The registration report refuses `$top` with a 400, as Graph may: its docs list only $filter and $orderby. */
  reportRefusesTop?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** The raw path, e.g. /v1.0/users. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (or the raw text when it is not JSON); absent when empty. */
  body?: unknown;
  /** Arrival, in ms on the server's clock. */
  at: number;
  status: number;
}

export interface GraphServer {
  /** e.g. http://127.0.0.1:51234 (no trailing slash); Graph's base is `${url}/v1.0`. */
  readonly url: string;
  readonly tenant: SimulatedTenant;
  /** Changeable while the server runs: a test can revoke a permission or switch a policy. */
  readonly setup: TenantSetup;
  /** Every request received, in arrival order; status is 0 until it is answered. */
  readonly requests: RecordedRequest[];
  // Function-typed properties, not methods: tests destructure them.
  readonly injectFault: (fault: GraphFault) => void;
  readonly clearFaults: () => void;
  /** Stops listening and drops kept-alive connections. */
  readonly close: () => Promise<void>;
}

/** A Graph-compatible HTTP server over the simulated tenant, on 127.0.0.1. */
export async function startGraphServer(tenant: SimulatedTenant, options: GraphServerOptions = {}): Promise<GraphServer> {
  const clock = options.clock ?? systemClock;
  const faults = new FaultInjector();
  const throttle = new SlidingWindowThrottle(options.reportsThrottle ?? REPORTS_THROTTLE, clock);
  const requests: RecordedRequest[] = [];
  const setup = options.setup ?? tenantSetupFor(tenant);
  const environment: GraphEnvironment = {
    tenant,
    setup,
    baseUrl: "",
    clock,
    reportLagMs: options.reportLagMs ?? 0,
    reportRefusesTop: options.reportRefusesTop ?? false,
  };

  // Order of checks: token, injected faults, the reports throttle, permissions, then the resource.
  // Faults come before the throttle so a test's "fail the 3rd page" is exact, and they use no
  // throttle budget. The sign-in endpoint needs no token: it is where tokens come from.
  const answer = async (request: IncomingMessage, record: RecordedRequest): Promise<GraphReply> => {
    const rawBody = await readRequestBody(request);
    if (rawBody !== "") record.body = parseJsonOr(rawBody);
    if ((options.latencyMs ?? 0) > 0) await delay(options.latencyMs);
    if (record.method === "POST" && SIGN_IN_PATH.test(record.path)) return answerSignIn(rawBody, setup, clock.now());
    if (options.token !== undefined && request.headers.authorization !== `Bearer ${options.token}`) {
      const empty = request.headers.authorization === undefined;
      throw new GraphError(
        401,
        "InvalidAuthenticationToken",
        empty ? "Access token is empty." : "Access token validation failure. Invalid audience.",
        {
          "www-authenticate": 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
        },
      );
    }
    const fault = faults.take(record.method, record.path);
    if (fault !== undefined) {
      if (fault.stallMs) await new Promise((resolve) => setTimeout(resolve, fault.stallMs).unref());
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) };
      throw new GraphError(fault.status, fault.code, fault.message ?? `Injected fault ${fault.code}.`, headers);
    }
    if (!record.path.startsWith("/v1.0/")) throw resourceNotFound(record.path);
    const path = record.path.slice("/v1.0".length);
    // Graph's identity and access reports limit covers authenticationMethod too (learn.microsoft.com/graph/throttling-limits).
    if (path.startsWith("/reports/") || path.startsWith("/auditLogs/") || /^\/users\/[^/]+\/authentication\/methods/.test(path)) {
      const waitMs = throttle.admit();
      if (waitMs > 0) {
        throw new GraphError(429, "TooManyRequests", "Too many requests.", {
          "retry-after": String(Math.max(1, Math.ceil(waitMs / 1000))),
        });
      }
    }
    checkPermission(path, setup);
    for (const route of GRAPH_ROUTES) {
      const match = route.pattern.exec(path);
      if (match === null || route.method !== record.method) continue;
      checkQueryOptions(record.query, route.queryOptions);
      const params = match.slice(1).map((part) => decodeSegment(part ?? ""));
      return route.handle(
        { method: record.method, path, params, query: record.query, headers: request.headers, body: rawBody },
        environment,
      );
    }
    throw resourceNotFound(path);
  };

  const server = createServer((request, response) => {
    const at = clock.now();
    const url = safeUrl(request.url);
    const record: RecordedRequest = {
      method: (request.method ?? "GET").toUpperCase(),
      path: url?.pathname ?? request.url ?? "",
      query: url === undefined ? {} : Object.fromEntries(url.searchParams),
      headers: request.headers,
      at,
      status: 0,
    };
    requests.push(record);
    const clientRequestId = headerValue(request.headers["client-request-id"]) ?? randomUUID();
    const ids = { "request-id": randomUUID(), "client-request-id": clientRequestId };
    const reply =
      url === undefined ? Promise.reject(new GraphError(400, "BadRequest", "The request URL is malformed.")) : answer(request, record);
    reply
      .catch((error: unknown) => errorReply(error, ids, clock.now()))
      .then((result) => {
        record.status = result.status;
        sendGraphReply(response, result, ids);
      })
      .catch((error: unknown) => {
        // Writing failed (the client went away); nothing more can be sent, but the server lives on.
        record.status = record.status || 500;
        response.destroy(error instanceof Error ? error : undefined);
      });
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  environment.baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: environment.baseUrl,
    tenant,
    setup,
    requests,
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function safeUrl(raw: string | undefined): URL | undefined {
  try {
    return new URL(raw ?? "/", "http://127.0.0.1");
  } catch {
    return undefined;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GraphError(400, "BadRequest", `The path segment '${segment}' is not valid percent-encoding.`);
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
