import { gzipSync } from "node:zlib";
import {
  botInstalled,
  cardAction,
  channelMention,
  fileConsentAccepted,
  personalMessage,
} from "../../src/sandbox/connector/teams-activities.js";
import type { SeededRandom } from "../../src/sandbox/tenant/seeded-random.js";

export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  /** Sent over a bare socket as is (a request line, headers and body no HTTP client would produce). */
  readonly raw?: Buffer;
}

export interface FuzzWorld {
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly userIds: readonly string[];
  /** A valid Bot Framework token for an activity's serviceUrl, when the server has credentials. */
  readonly validToken?: (serviceUrl: string) => string;
}

const commands = [
  "/mfa status",
  "/mfa pending",
  "/mfa pending IT 2",
  "/mfa user nobody",
  "/mfa preview",
  "/mfa help",
  "hello",
  "",
  "/mfa remind x@y",
];
const verbs = ["done", "snooze", "help", "noSmartphone", "remindTeam", "unknown"];

/**
 * One random request against the bot's endpoint: an activity as Teams would send it, then mutated
 * (truncated, retyped, nested, enlarged), or sent with the wrong method, path, type, encoding or
 * token, or no HTTP at all. Drawn from a seeded stream, so a failure can be replayed.
 */
export function fuzzRequest(random: SeededRandom, world: FuzzWorld): FuzzRequest {
  if (random.chance(0.03)) return rawRequest(random);
  const activity = mutate(random, baseActivity(random, world));
  let body: Buffer = Buffer.from(typeof activity === "string" ? activity : JSON.stringify(activity));
  if (random.chance(0.1)) body = body.subarray(0, random.int(0, body.length));
  if (random.chance(0.02)) body = Buffer.from(Array.from({ length: random.int(1, 4000) }, () => random.int(0, 255)));
  if (random.chance(0.01)) body = Buffer.alloc(random.int(1_000_000, 1_500_000), 0x20);
  const headers: Record<string, string> = {};
  const type = random.weighted<string | undefined>([
    ["application/json", 60],
    ["application/json; charset=utf-8", 15],
    ["application/x-www-form-urlencoded", 5],
    ["text/plain", 5],
    ["multipart/form-data; boundary=x", 3],
    ["application/json; charset=utf-16", 3],
    [undefined, 5],
    [garbage(random, 40), 4],
  ]);
  if (type !== undefined) headers["Content-Type"] = type;
  const encoding = random.weighted<string | undefined>([
    [undefined, 80],
    ["gzip", 8],
    ["deflate", 3],
    ["br", 3],
    ["identity", 3],
    [garbage(random, 20), 3],
  ]);
  if (encoding !== undefined) {
    headers["Content-Encoding"] = encoding;
    if (encoding === "gzip" && random.chance(0.5)) body = gzipSync(body);
  }
  const authorization = authorizationFor(random, world, activity);
  if (authorization !== undefined) headers.Authorization = authorization;
  if (random.chance(0.04)) headers.Origin = random.pick(["https://evil.example", "null", "http://127.0.0.1:8080"]);
  if (random.chance(0.03)) headers["Sec-Fetch-Site"] = random.pick(["cross-site", "same-site", "none"]);
  if (random.chance(0.03)) headers.Host = random.pick(["evil.example", "127.0.0.1.nip.io:3978", "[::1]", "localhost"]);
  if (random.chance(0.02)) headers["X-Big"] = "x".repeat(random.int(1000, 12_000));
  const method = random.weighted([
    ["POST", 88],
    ["GET", 4],
    ["PUT", 2],
    ["DELETE", 2],
    ["PATCH", 1],
    ["OPTIONS", 2],
    ["HEAD", 1],
  ]);
  const path = random.weighted([
    ["/api/messages", 88],
    ["/healthz", 3],
    ["/", 2],
    ["/api/messages/x", 2],
    ["/api/messages?x=%zz&y=%00", 2],
    ["//api//messages", 1],
    [`/${"a".repeat(random.int(100, 4000))}`, 1],
    ["/%2e%2e/%2e%2e/etc/passwd", 1],
  ]);
  return { method, path, headers, ...(method === "GET" || method === "HEAD" ? {} : { body }) };
}

function baseActivity(random: SeededRandom, world: FuzzWorld): Record<string, unknown> {
  const env = { serviceUrl: world.serviceUrl, tenantId: world.tenantId, botId: "mfa-nudge" };
  const user = { aadObjectId: random.pick(world.userIds), name: random.pick(["Ada", "", "x".repeat(300)]), timeZone: "Europe/Paris" };
  switch (random.int(0, 4)) {
    case 0:
      return cardAction(env, user, random.pick(verbs), { outboxId: random.pick(["1", "x", ""]), userId: user.aadObjectId });
    case 1:
      return botInstalled(env, user);
    case 2:
      return channelMention(env, user, random.pick(commands), "19:channel@thread.tacv2;messageid=1");
    case 3:
      return fileConsentAccepted(env, user, random.pick(["mfa-nudge.csv", "../../x.csv", ""]), { kind: "export" });
    default:
      return personalMessage(env, user, random.pick(commands));
  }
}

/** Replaces, removes or adds fields anywhere in the activity, with values of every JSON type. */
function mutate(random: SeededRandom, activity: Record<string, unknown>): unknown {
  if (random.chance(0.3)) return activity;
  const copy = structuredClone(activity);
  for (let i = random.int(1, 4); i > 0; i -= 1) {
    const target = pickObject(random, copy);
    const keys = Object.keys(target);
    const key = keys.length > 0 && random.chance(0.8) ? random.pick(keys) : garbage(random, 12);
    if (random.chance(0.2)) delete target[key];
    else target[key] = anyValue(random, 0);
  }
  return random.chance(0.02) ? random.pick([[copy], "a string", 42, null, true]) : copy;
}

function pickObject(random: SeededRandom, root: Record<string, unknown>): Record<string, unknown> {
  let current = root;
  while (random.chance(0.4)) {
    const inner = Object.values(current).filter(
      (v): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v),
    );
    if (inner.length === 0) break;
    current = random.pick(inner);
  }
  return current;
}

function anyValue(random: SeededRandom, depth: number): unknown {
  switch (random.int(0, 9)) {
    case 0:
      return null;
    case 1:
      return random.int(-1e9, 1e9) / random.pick([1, 7, 1000]);
    case 2:
      return random.chance(0.5);
    case 3:
      return garbage(random, 30);
    case 4:
      return "x".repeat(random.int(10_000, 300_000));
    case 5:
      return nest(random.int(10, 3000));
    case 6:
      return depth > 2 ? [] : Array.from({ length: random.int(0, 5) }, () => anyValue(random, depth + 1));
    case 7:
      return depth > 2 ? {} : { [garbage(random, 8)]: anyValue(random, depth + 1), type: anyValue(random, depth + 1) };
    case 8:
      return random.pick([
        "javascript:alert(1)",
        "http://127.0.0.1:1/",
        "https://evil.example/",
        "\u202e\u0000\ud800",
        "__proto__",
        "constructor",
      ]);
    default:
      return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown;
  }
}

function nest(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { v: value };
  return value;
}

function authorizationFor(random: SeededRandom, world: FuzzWorld, activity: unknown): string | undefined {
  const { serviceUrl, type } = (activity ?? {}) as { serviceUrl?: unknown; type?: unknown };
  // Valid tokens go on invokes only: their answer is the HTTP response, while a message's reply
  // needs the bot's own token from Entra ID, which the sandbox cannot reach (MSAL retries ~12 s).
  const signed =
    world.validToken && typeof serviceUrl === "string" && type === "invoke" ? `Bearer ${world.validToken(serviceUrl)}` : undefined;
  const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  return random.weighted<string | undefined>([
    [undefined, 30],
    [signed, 25],
    ["Bearer", 3],
    [`Bearer ${garbage(random, 200)}`, 6],
    [`Bearer ${encode({ alg: "none" })}.${encode({ iss: "https://api.botframework.com" })}.`, 6],
    [`Bearer ${encode({ alg: "RS256", kid: "k" })}.${encode({ iss: "https://api.botframework.com", aud: "x" })}.c2ln`, 6],
    [`Bearer ${encode({ alg: "HS256", kid: "k" })}.${encode({})}.c2ln`, 4],
    [`Bearer ${"a".repeat(random.int(100, 15_000))}`, 3],
    [`Basic ${encode("user:pass")}`, 3],
    [garbage(random, 100), 4],
  ]);
}

/** Printable ASCII and a few awkward characters: what a header value may carry. */
function garbage(random: SeededRandom, maxLength: number): string {
  const alphabet = "abcXYZ019 -_./:;=,\"'<>{}[]%\\*?";
  return Array.from({ length: random.int(0, maxLength) }, () => alphabet[random.int(0, alphabet.length - 1)]).join("");
}

/** What no HTTP client sends: lying lengths, bad chunking, a request cut off, bytes that are not HTTP. */
function rawRequest(random: SeededRandom): FuzzRequest {
  const head = "POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
  const raw = random.pick([
    `${head}Content-Length: 500\r\n\r\n{"type":"message"`,
    `${head}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    `${head}Content-Length: 5\r\nContent-Length: 9\r\n\r\n{}{}{}{}{`,
    `${head}Content-Length: -1\r\n\r\n{}`,
    "GET /healthz HTTP/9.9\r\n\r\n",
    "\u0000\u0001\u0002 not http at all\r\n\r\n",
    `${head}Content-Encoding: gzip\r\nContent-Length: 10\r\n\r\n0123456789`,
    `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n${"X-A: b\r\n".repeat(3000)}\r\n`,
  ]);
  return { method: "RAW", path: "", headers: {}, raw: Buffer.from(raw, "latin1") };
}
