import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { systemClock, type Clock } from "../../time/clock.js";
import type { ConnectorRequest, RecordedActivity } from "./recorded-activity.js";
import { SlidingCount } from "./sliding-count.js";

export interface ConnectorFault {
  readonly method?: string;
  readonly path: RegExp;
  /** Let this many matching requests through first. */
  readonly skip?: number;
  readonly times: number;
  readonly status: number;
  readonly code: string;
  readonly retryAfterSeconds?: number;
  /** Hold the request this long (wall-clock) before answering: a connector that never answers in time. */
  readonly stallMs?: number;
}

export interface SimulatedConnectorOptions {
  readonly clock?: Clock;
  /**
   * Teams: 50 requests per second per bot per tenant, counted here across every caller (every
   * instance of a bot shares it)...
   */
  readonly tenantLimit?: { readonly limit: number; readonly windowMs: number };
  /** ...and 7 per second per conversation. */
  readonly conversationLimit?: { readonly limit: number; readonly windowMs: number };
  readonly latencyMs?: number;
  /**
   * Whether the bot's chat with a user is open: installed, and Teams has finished setting the chat up,
   * which it does a few seconds after a proactive install. Until then POST /v3/conversations, and
   * sends to the chat id Graph gives for the installation, answer 403 BotNotInConversationRoster.
   */
  readonly isInstalled?: (userId: string) => boolean;
  /** Whether a user blocked the bot (then every send answers 403). */
  readonly isBlocked?: (userId: string) => boolean;
  /** Channel or group conversations the bot is a member of (a helpdesk channel, say). */
  readonly channels?: readonly string[];
  /** Default 0: any free port. */
  readonly port?: number;
  /** When set, every request must carry this Authorization header (else 401). */
  readonly expectAuthorization?: string;
}

export interface SimulatedConnector {
  readonly url: string;
  /** Every message sent, updated or replied, in arrival order. */
  readonly activities: RecordedActivity[];
  readonly requests: ConnectorRequest[];
  readonly conversations: ReadonlyMap<string, { userId: string; tenantId: string | undefined }>;
  /** Files bots uploaded after a file consent (by name). */
  readonly uploads: ReadonlyMap<string, Buffer>;
  injectFault(fault: ConnectorFault): void;
  /** Removes every injected fault: the connector answers normally again. */
  clearFaults(): void;
  close(): Promise<void>;
}

/**
 * A Bot Framework Connector that behaves like Teams' for a bot's proactive messages: it creates
 * 1:1 conversations (only with people who have the bot installed), accepts activities, enforces
 * Teams' rate limits with 429 + Retry-After, and keeps everything it receives for assertions.
 * Paths and bodies follow the Connector API v3 swagger in shared/oracles/bot-framework.
 */
export async function startSimulatedConnector(options: SimulatedConnectorOptions = {}): Promise<SimulatedConnector> {
  const clock = options.clock ?? systemClock;
  const tenantLimit = options.tenantLimit ?? { limit: 50, windowMs: 1000 };
  const perBot = new Map<string, SlidingCount>();
  const conversationLimit = options.conversationLimit ?? { limit: 7, windowMs: 1000 };
  const perConversation = new Map<string, SlidingCount>();
  const conversations = new Map<string, { userId: string; tenantId: string | undefined }>(
    (options.channels ?? []).map((id) => [id, { userId: id, tenantId: undefined }]),
  );
  const activities: RecordedActivity[] = [];
  const requests: ConnectorRequest[] = [];
  const faults: (ConnectorFault & { seen: number; fired: number })[] = [];
  const uploads = new Map<string, Buffer>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => reply(res, 500, { error: { code: "ServiceError", message: String(error) } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const method = req.method ?? "GET";
    const rawBody = await readBody(req);
    const body = method === "PUT" && path.startsWith("/sandbox/uploads/") ? {} : parseJson(rawBody);
    if (options.latencyMs) await clock.sleep(options.latencyMs);
    const respond = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      requests.push({ method, path, at: clock.now(), status, authorization: req.headers.authorization });
      reply(res, status, payload, headers);
    };

    if (options.expectAuthorization !== undefined && req.headers.authorization !== options.expectAuthorization) {
      return respond(401, { error: { code: "Unauthorized", message: "Authorization has been denied for this request." } });
    }
    const fault = faults.find(
      (f) => f.path.test(path) && (!f.method || f.method === method) && f.fired < f.times && ++f.seen > (f.skip ?? 0),
    );
    if (fault) {
      fault.fired += 1;
      if (fault.stallMs) await new Promise((resolve) => setTimeout(resolve, fault.stallMs).unref());
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { "Retry-After": String(fault.retryAfterSeconds) };
      return respond(fault.status, { error: { code: fault.code, message: `simulated ${fault.status}` } }, headers);
    }
    if (body === invalid) return respond(400, { error: { code: "BadArgument", message: "The request body is not valid JSON." } });
    // Not part of the Connector API: what a benchmark in another process asks at the end.
    if (method === "GET" && path === "/sandbox/stats") return respond(200, stats());
    // Stands in for the OneDrive upload session a file consent answer points the bot at.
    if (method === "PUT" && path.startsWith("/sandbox/uploads/")) {
      uploads.set(decodeURIComponent(path.slice("/sandbox/uploads/".length)), rawBody);
      return respond(201, { id: randomUUID() });
    }

    const now = clock.now();
    // It simulates one tenant's Teams, so the budget is per bot.
    const bot = botOf(req.headers.authorization);
    const tenantWindow = perBot.get(bot) ?? new SlidingCount(tenantLimit);
    perBot.set(bot, tenantWindow);
    const tenantWait = tenantWindow.tryTake(now);
    if (tenantWait > 0) return respond(429, throttled(), { "Retry-After": String(Math.ceil(tenantWait / 1000)) });

    if (method === "POST" && path === "/v3/conversations") return respond(...createConversation(body as Record<string, unknown>));

    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!match) return respond(404, { error: { code: "NotFound", message: `No route for ${method} ${path}` } });
    const conversationId = decodeURIComponent(match[1] ?? "");
    const chatUser = graphChatUser(conversationId);
    if (chatUser !== undefined && options.isInstalled && !options.isInstalled(chatUser)) return respond(403, notInRoster());
    const conversation = conversations.get(conversationId) ?? existingChat(conversationId);
    if (!conversation) return respond(404, { error: { code: "ConversationNotFound", message: "Conversation not found." } });
    if (options.isBlocked?.(conversation.userId)) {
      return respond(403, blockedByUser());
    }
    const window = perConversation.get(conversationId) ?? new SlidingCount(conversationLimit);
    perConversation.set(conversationId, window);
    const conversationWait = window.tryTake(now);
    if (conversationWait > 0) return respond(429, throttled(), { "Retry-After": String(Math.ceil(conversationWait / 1000)) });

    const kind = method === "PUT" ? "update" : match[2] ? "reply" : "send";
    if ((method !== "POST" && method !== "PUT") || (kind === "update" && !match[2])) {
      return respond(405, { error: { code: "MethodNotAllowed", message: `${method} is not supported here` } });
    }
    const id = kind === "update" ? decodeURIComponent(match[2] ?? "") : String(now) + String(activities.length).padStart(6, "0");
    activities.push({ id, conversationId, userId: conversation.userId, activity: body as Record<string, unknown>, at: now, kind });
    return respond(kind === "update" ? 200 : 201, { id });
  }

  /**
   * Teams keeps a person's 1:1 chat with the bot for as long as the bot is installed for them, so a
   * chat id of this connector's form is valid for an installed person even if it was opened before
   * this connector started (a benchmark's steady state, a restarted demo).
   */
  function existingChat(conversationId: string): { userId: string; tenantId: string | undefined } | undefined {
    const graphUser = graphChatUser(conversationId);
    if (graphUser !== undefined) {
      const chat = { userId: graphUser, tenantId: undefined };
      conversations.set(conversationId, chat);
      return chat;
    }
    if (!conversationId.startsWith("a:1")) return undefined;
    const userId = Buffer.from(conversationId.slice(3), "base64url").toString("utf8");
    if (options.isInstalled && !options.isInstalled(userId)) return undefined;
    if (personalConversationId(userId) !== conversationId) return undefined;
    const chat = { userId, tenantId: undefined };
    conversations.set(conversationId, chat);
    return chat;
  }

  function createConversation(body: Record<string, unknown>): [number, unknown] {
    const members = Array.isArray(body.members) ? (body.members as { id?: unknown }[]) : [];
    const userId = typeof members[0]?.id === "string" ? members[0].id : undefined;
    if (!userId || members.length !== 1 || body.isGroup === true) {
      return [400, { error: { code: "BadArgument", message: "A 1:1 conversation needs exactly one member." } }];
    }
    if (options.isInstalled && !options.isInstalled(userId)) return [403, notInRoster()];
    if (options.isBlocked?.(userId)) {
      return [403, blockedByUser()];
    }
    // Teams gives the same 1:1 conversation back for the same person.
    const existing = [...conversations.entries()].find(([, c]) => c.userId === userId);
    const id = existing?.[0] ?? personalConversationId(userId);
    const channelData = body.channelData as { tenant?: { id?: string } } | undefined;
    conversations.set(id, { userId, tenantId: typeof body.tenantId === "string" ? body.tenantId : channelData?.tenant?.id });
    return [201, { id }];
  }

  function stats() {
    const recipients = new Set(activities.map((a) => a.userId));
    const accepted = requests.filter((r) => r.status < 300);
    return {
      accepted: accepted.length,
      throttled: requests.filter((r) => r.status === 429).length,
      messages: activities.length,
      recipients: recipients.size,
      duplicates: activities.length - recipients.size,
      firstAt: accepted[0]?.at ?? null,
      lastAt: accepted[accepted.length - 1]?.at ?? null,
    };
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    activities,
    requests,
    conversations,
    uploads,
    injectFault: (fault) => faults.push({ ...fault, seen: 0, fired: 0 }),
    clearFaults: () => {
      faults.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const invalid = Symbol("invalid JSON");

/*
 * Teams' global limit is per bot (per app) per tenant, whichever process or connection sends
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit, "Per bot per
 * thread limit" and the global limit of 50 requests per second per app per tenant). The bot is
 * the token's app id (appid or azp claim); callers without a token (local mode) share one budget.
 */
function botOf(authorization: string | undefined): string {
  const payload = /^Bearer [^.]+\.([^.]+)\./.exec(authorization ?? "")?.[1];
  if (!payload) return "anonymous";
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { appid?: unknown; azp?: unknown };
    const app = claims.appid ?? claims.azp;
    return typeof app === "string" ? app : "anonymous";
  } catch {
    return "anonymous";
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): unknown {
  const text = raw.toString("utf8");
  if (text === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return invalid;
  }
}

/*
 * The Bot Connector's 403s, worded as msteams-docs lists them under "Status codes from bot
 * conversational APIs" (bots/build-conversational-capability).
 */
function notInRoster() {
  return { error: { code: "BotNotInConversationRoster", message: "The bot isn't part of the conversation roster." } };
}

/**
 * The user of a 1:1 chat id as Graph gives it for an installation (`19:{bot id}_{user id}@unq.gbl.spaces`,
 * learn.microsoft.com/graph/api/userscopeteamsappinstallation-get-chat), which bots may use as the
 * conversation id; undefined for any other id.
 */
function graphChatUser(conversationId: string): string | undefined {
  return /^19:[0-9a-f-]{36}_([0-9a-f-]{36})@unq\.gbl\.spaces$/i.exec(conversationId)?.[1]?.toLowerCase();
}

function blockedByUser() {
  return { error: { code: "ConversationBlockedByUser", message: "User blocked the conversation with the bot." } };
}

function throttled() {
  return { error: { code: "ThrottledRequest", message: "Too many requests; retry after the time in Retry-After." } };
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "x-ms-request-id": randomUUID(), ...headers });
  res.end(JSON.stringify(body));
}

/** The id of the bot's 1:1 chat with a person, as this connector (and its Teams clients) name it. */
export function personalConversationId(userId: string): string {
  return `a:1${Buffer.from(userId).toString("base64url")}`;
}
