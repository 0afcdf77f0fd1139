import { spawn } from "node:child_process";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSeededRandom } from "../../src/sandbox/tenant/seeded-random.js";
import { startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { connectorClaims, startFakeBotFrameworkKeys, type FakeBotFrameworkKeys } from "../support/fake-bot-framework-keys.js";
import { fuzzRequest, type FuzzRequest, type FuzzWorld } from "../support/fuzz-requests.js";
import { rawRequest } from "../support/raw-request.js";

const main = "dist/src/cli/main.js";
const botId = "0d5e6f70-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

/*
 * What a request may be answered: 200, the refusals (400 malformed, 403 another tenant or a web
 * page, 404 and 405 no such route, 413 too large, 415 not JSON, 431 headers too large), 501 for an
 * invoke the bot has no handler for (botbuilder's protocol answer), and 0 when the server closed a
 * connection it would not read (a lying length, bytes that are not HTTP). Never a 500.
 */
const answers = [0, 200, 400, 403, 404, 405, 413, 415, 431, 501];

interface RunningServer {
  readonly url: string;
  readonly alive: () => boolean;
  readonly stderr: () => string;
  stop(): Promise<number | null>;
}

/** `mfa-nudge start` as it runs in production, in its own process, on a free loopback port. */
async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, [main, "start", "--no-schedule"], {
    env: { PATH: process.env.PATH ?? "", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 60_000;
  while (!/listening on/.test(stdout) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const url = /listening on (http:\/\/\S+)\/api\/messages/.exec(stdout)?.[1];
  if (!url) throw new Error(`the server did not start: ${stderr}`);
  return {
    url,
    alive: () => child.exitCode === null && child.signalCode === null,
    stderr: () => stderr,
    stop: () => (child.kill("SIGTERM"), exited),
  };
}

/** Sends one fuzzed request; the status, or 0 when the server closed the connection instead. */
async function send(url: string, request: FuzzRequest): Promise<number> {
  if (request.raw) return sendRaw(url, request.raw);
  const answer = await rawRequest(url, {
    method: request.method,
    path: request.path,
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
  });
  return answer.status;
}

function sendRaw(url: string, bytes: Buffer): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let answer = "";
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
  });
}

/**
 * Thousands of random and mutated requests against the running server, sixteen at a time, with
 * /healthz asked after every hundred. A status outside `allowed` (a 500 above all) or a health
 * check that fails is a finding.
 */
async function fuzz(server: RunningServer, world: FuzzWorld, seed: number, count: number) {
  const random = createSeededRandom(seed, "http-fuzz");
  const requests = Array.from({ length: count }, () => fuzzRequest(random, world));
  const statuses = new Map<number, number>();
  const health: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const index = next;
      next += 1;
      const status = await send(server.url, requests[index] as FuzzRequest);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (index % 100 === 99) health.push((await rawRequest(server.url, { method: "GET", path: "/healthz" })).status);
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  return { statuses, health };
}

describe("the HTTP edge under a few thousand random and malformed requests", () => {
  let world: CampaignWorld;
  let keys: FakeBotFrameworkKeys;
  let local: RunningServer;
  let authenticated: RunningServer;
  let userIds: string[];

  beforeAll(async () => {
    keys = await startFakeBotFrameworkKeys();
    world = await startCampaignWorld({ size: 30, seed: 61 });
    userIds = world.tenant.users.filter((u) => u.kind === "person").map((u) => u.id);
    const admins = userIds.slice(0, 3).join(",");
    [local, authenticated] = await Promise.all([
      startServer({ ...world.env, DATABASE_URL: `sqlite:${world.dir}/local.sqlite`, ADMIN_USER_IDS: admins }),
      startServer({
        ...world.env,
        DATABASE_URL: `sqlite:${world.dir}/authenticated.sqlite`,
        ADMIN_USER_IDS: admins,
        BOT_ID: botId,
        BOT_PASSWORD: "not-a-real-secret",
        BOT_TENANT_ID: tenantId,
        BOT_OPENID_METADATA_URL: keys.metadataUrl,
      }),
    ]);
  }, 90_000);
  afterAll(async () => {
    await local?.stop();
    await authenticated?.stop();
    await world?.close();
    await keys?.close();
  });

  const problems = (server: RunningServer) =>
    server.stderr().match(/uncaught error|unhandled rejection|Unhandled 'error'|FATAL ERROR/gi) ?? [];

  it("in local mode answers every one with 200 or a refusal, never a 500, stays healthy throughout and is alive at the end", async () => {
    const { statuses, health } = await fuzz(local, { serviceUrl: world.connector.url, tenantId, userIds }, 7, 1500);
    const seen = [...statuses.keys()].sort((a, b) => a - b);
    expect(seen.filter((s) => !answers.includes(s))).toEqual([]);
    expect(statuses.get(200)).toBeGreaterThan(100);
    expect(health).toEqual(health.map(() => 200));
    expect(health).toHaveLength(15);
    expect(local.alive()).toBe(true);
    expect((await rawRequest(local.url, { method: "GET", path: "/healthz" })).status).toBe(200);
    expect(problems(local)).toEqual([]);
  });

  it("with credentials answers each with 200, a refusal or 401, never a 500, stays healthy throughout, alive at the end", async () => {
    const tokens = new Map<string, string>();
    const validToken = (serviceUrl: string) => {
      if (!tokens.has(serviceUrl)) tokens.set(serviceUrl, keys.sign(connectorClaims(botId, serviceUrl)));
      return tokens.get(serviceUrl) as string;
    };
    const { statuses, health } = await fuzz(authenticated, { serviceUrl: world.connector.url, tenantId, userIds, validToken }, 8, 1000);
    const seen = [...statuses.keys()].sort((a, b) => a - b);
    expect(seen.filter((s) => ![...answers, 401].includes(s))).toEqual([]);
    expect(statuses.get(401)).toBeGreaterThan(100);
    expect(statuses.get(200)).toBeGreaterThan(10);
    expect(health).toEqual(health.map(() => 200));
    expect(health).toHaveLength(10);
    expect(authenticated.alive()).toBe(true);
    expect((await rawRequest(authenticated.url, { method: "GET", path: "/healthz" })).status).toBe(200);
    expect(problems(authenticated)).toEqual([]);
  });
});
