import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import type { Logger } from "pino";
import type restify from "restify";
import { loadRestify } from "./load-restify.js";

export interface BotServerOptions {
  readonly adapter: TeamsAdapter;
  /** Runs one turn (the teams-ai Application). */
  readonly onTurn: (context: TurnContext) => Promise<void>;
  readonly host: string;
  readonly port: number;
  readonly log: Logger;
  /** What /healthz reports besides "ok". */
  readonly health: () => Promise<Record<string, unknown>>;
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

/**
 * The HTTP edge: POST /api/messages for Teams (authenticated by the adapter whenever the bot has
 * credentials), GET /healthz for the platform. A malformed body gets 400, an oversized one 413, and
 * neither stops the server.
 */
export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const restify = await loadRestify();
  const server = restify.createServer({ name: "mfa-nudge", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false, rejectUnknown: true }));

  server.post("/api/messages", async (req, res) => {
    if (
      typeof req.body !== "object" ||
      req.body === null ||
      Array.isArray(req.body) ||
      typeof (req.body as { type?: unknown }).type !== "string"
    ) {
      res.send(400, { error: { code: "BadArgument", message: "expected a Bot Framework activity (a JSON object with a type)" } });
      return;
    }
    try {
      await options.adapter.process(req, res, options.onTurn);
    } catch (error) {
      options.log.error({ err: error }, "turn failed");
      if (!res.headersSent) res.send(500, { error: { code: "ServiceError", message: "the bot failed to handle this activity" } });
    }
  });

  server.get("/healthz", async (_req, res) => {
    try {
      res.send(200, { status: "ok", ...(await options.health()) });
    } catch (error) {
      options.log.error({ err: error }, "health check failed");
      res.send(503, { status: "unhealthy" });
    }
  });

  server.on("restifyError", (req: restify.Request, res: restify.Response, error: Error & { statusCode?: number }, next: () => void) => {
    options.log.warn({ path: req.path(), status: error.statusCode, error: error.message }, "request refused");
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
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
