import type { ServerResponse } from "node:http";
import type { TurnContext } from "botbuilder";
import type { Logger } from "pino";
import type restify from "restify";
import { createCallerCheck } from "./check-caller.js";
import type { BotAdapter } from "./create-teams-adapter.js";
import { loadRestify } from "./load-restify.js";
import { parseActivity } from "./parse-activity.js";
import { readJsonBody } from "./read-json-body.js";
import { refuseRequest } from "./refuse-request.js";
import { createRefusalTally } from "./refusal-tally.js";

/** What /healthz says: whether the bot is well, and how its last campaign run ended (an error code, never its text). */
export interface Health {
  readonly status: "ok" | "degraded";
  readonly lastRun: { readonly at: string; readonly outcome: string } | null;
}

/** What /readyz says: whether this instance should be given traffic now, and if not, why (a code). */
export interface Readiness {
  readonly status: "ready" | "not_ready";
  readonly reason?: string;
}

export interface BotServerOptions {
  readonly adapter: BotAdapter;
  /** Runs one turn (the teams-ai Application). */
  readonly onTurn: (context: TurnContext) => Promise<void>;
  readonly host: string;
  readonly port: number;
  /** No bot credentials: nobody is authenticated, so only this machine's programs are answered. */
  readonly local: boolean;
  readonly log: Logger;
  readonly health: () => Promise<Health>;
  /** Readiness for an orchestrator's probe (store reachable, schema current, not shutting down); ready when absent. */
  readonly ready?: () => Promise<Readiness>;
  /** How long the Bot Framework's signing keys may take to fetch (default 10 s). */
  readonly keyTimeoutMs?: number;
}

export interface BotServer {
  readonly url: string;
  close(): Promise<void>;
}

/*
 * Activities from Teams are small (a message, a card action); a megabyte is generous and keeps a
 * flood of large bodies from costing memory.
 */
const maxBodyBytes = 1024 * 1024;

const unauthorized = "The request carries no Bot Framework token, or one that did not validate.";
const keysUnavailable = "The Bot Framework's signing keys cannot be fetched right now, so no request can be checked; try again later.";

/**
 * The HTTP edge: POST /api/messages for Teams, GET /healthz (liveness) and GET /readyz
 * (readiness) for the platform. Every request is
 * checked in order, each failure a fixed 4xx (or 503) that says what was wrong and never echoes
 * library or caller text: its headers (local mode's rules, JSON only, no encoding), its body (size,
 * JSON, an activity's shape), its caller (the Bot Framework token), and only then the turn.
 */
export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const { log, adapter } = options;
  const restify = await loadRestify();
  const server = restify.createServer({ name: "mfa-nudge", handleUncaughtExceptions: false });
  // A request, body included, must arrive within 30 s: a slow trickle cannot hold a socket for long.
  server.server.requestTimeout = 30_000;
  server.server.headersTimeout = 10_000;
  const checkCaller = createCallerCheck({
    adapter,
    local: options.local,
    log,
    ...(options.keyTimeoutMs ? { keyTimeoutMs: options.keyTimeoutMs } : {}),
  });
  const refusals = createRefusalTally(log);

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (status >= 400 && status !== 500) refusals.count(status);
    if (res.headersSent || res.destroyed) return;
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, { ...(text ? { "Content-Type": "application/json; charset=utf-8" } : {}), ...headers });
    res.end(text);
  };
  const refuse = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    answer(res, status, { error: { code, message } }, headers);

  server.post("/api/messages", async (req, res) => {
    const refusal = refuseRequest(req.headers, { local: options.local, hasBody: true });
    if (refusal) return refuse(res, refusal.status, refusal.code, refusal.message, { Connection: "close" });
    const body = await readJsonBody(req, maxBodyBytes);
    if (!body.ok) {
      if (body.status === 0) return;
      return refuse(res, body.status, body.status === 413 ? "PayloadTooLarge" : "BadArgument", body.message, { Connection: "close" });
    }
    const parsed = parseActivity(body.value);
    if (!parsed.ok) return refuse(res, 400, "BadArgument", `expected a Bot Framework activity (${parsed.problem})`);
    const caller = await checkCaller(parsed.activity, req.headers.authorization);
    if (!caller.ok) {
      return caller.status === 401
        ? refuse(res, 401, "Unauthorized", unauthorized, { "WWW-Authenticate": "Bearer" })
        : refuse(res, 503, "ServiceUnavailable", keysUnavailable, { "Retry-After": "30" });
    }
    try {
      const invoke = await adapter.run(caller.auth, parsed.activity, options.onTurn);
      answer(res, invoke?.status ?? 200, invoke?.body);
    } catch (error) {
      log.error({ err: error, type: parsed.activity.type }, "turn failed");
      refuse(res, 500, "ServiceError", "the bot failed to handle this activity");
    }
  });

  server.get("/healthz", async (req, res) => {
    const refusal = refuseRequest(req.headers, { local: options.local, hasBody: false });
    if (refusal) return refuse(res, refusal.status, refusal.code, refusal.message);
    try {
      answer(res, 200, await options.health());
    } catch (error) {
      log.error({ err: error }, "health check failed");
      answer(res, 503, { status: "degraded", lastRun: null });
    }
  });

  server.get("/readyz", async (req, res) => {
    const refusal = refuseRequest(req.headers, { local: options.local, hasBody: false });
    if (refusal) return refuse(res, refusal.status, refusal.code, refusal.message);
    let readiness: Readiness;
    try {
      readiness = options.ready ? await options.ready() : { status: "ready" };
    } catch (error) {
      log.error({ err: error }, "readiness check failed");
      readiness = { status: "not_ready", reason: "check_failed" };
    }
    // Not a refusal of the caller: written directly, so the refusal tally does not count it.
    if (res.headersSent || res.destroyed) return;
    res.writeHead(readiness.status === "ready" ? 200 : 503, { "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(readiness));
  });

  server.on("restifyError", (req: restify.Request, _res: restify.Response, error: Error & { statusCode?: number }, next: () => void) => {
    refusals.count(error.statusCode ?? 500);
    log.debug({ method: req.method, status: error.statusCode }, "request refused");
    return next();
  });

  await new Promise<void>((resolve) => {
    server.listen(options.port, options.host, () => resolve());
  });
  const { port, address } = server.address();
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        refusals.stop();
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
