import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalMessage, type TeamsEnvironment } from "../../src/sandbox/connector/teams-activities.js";
import type { SimulatedUser } from "../../src/sandbox/tenant/index.js";
import { isPaused, setPaused } from "../../src/store/app-state.js";
import { startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { rawRequest } from "../support/raw-request.js";
import { startBot, type RunningBot } from "../support/start-bot.js";

const json = { "Content-Type": "application/json" };

describe("the bot's HTTP edge in local mode", () => {
  let world: CampaignWorld;
  let bot: RunningBot;
  let env: TeamsEnvironment;
  let admin: SimulatedUser;

  beforeAll(async () => {
    world = await startCampaignWorld({ size: 30, seed: 21 });
    admin = world.tenant.users.find((u) => u.kind === "person" && u.teamsAppInstalled)!;
    bot = await startBot({ ...world.env, ADMIN_USER_IDS: admin.id });
    env = { serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" };
  });
  afterAll(async () => {
    await bot?.close();
    await world?.close();
  });

  const pause = () => personalMessage(env, { aadObjectId: admin.id, name: admin.displayName }, "/mfa pause");
  const health = async () => (await rawRequest(bot.server.url, { method: "GET", path: "/healthz" })).status;

  it("answers a gzip Content-Encoding over a body that is not gzip with 415, and keeps serving", async () => {
    const answer = await rawRequest(bot.server.url, { headers: { ...json, "Content-Encoding": "gzip" }, body: "this is not gzip" });
    expect(answer.status).toBe(415);
    expect(await health()).toBe(200);
  });

  it("refuses any Content-Encoding, even of a valid body, before decompressing anything", async () => {
    const statuses = [];
    for (const encoding of ["gzip", "deflate", "br", "x-gzip, identity"]) {
      const body = gzipSync(JSON.stringify(pause()));
      statuses.push((await rawRequest(bot.server.url, { headers: { ...json, "Content-Encoding": encoding }, body })).status);
    }
    expect(statuses).toEqual([415, 415, 415, 415]);
    expect(await isPaused(bot.runtime.store)).toBe(false);
  });

  it("refuses a form-encoded activity, as a web page can send one without asking, and changes nothing", async () => {
    const answer = await rawRequest(bot.server.url, {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: formEncode(pause()),
    });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: "UnsupportedMediaType", message: "expected Content-Type: application/json" },
    });
    expect(await isPaused(bot.runtime.store)).toBe(false);
  });

  it("refuses every other body type: text/plain, multipart, none, JSON in UTF-16", async () => {
    const body = JSON.stringify(pause());
    const types = ["text/plain", "multipart/form-data; boundary=x", undefined, "application/json; charset=utf-16", "application/jsonx"];
    const statuses = [];
    for (const type of types)
      statuses.push((await rawRequest(bot.server.url, { headers: type ? { "Content-Type": type } : {}, body })).status);
    expect(statuses).toEqual([415, 415, 415, 415, 415]);
    expect(await isPaused(bot.runtime.store)).toBe(false);
  });

  it("refuses what a web page sends, an Origin or Sec-Fetch-Site: cross-site, and answers the same activity without them", async () => {
    const body = JSON.stringify(pause());
    const fromPage = await rawRequest(bot.server.url, { headers: { ...json, Origin: "https://evil.example" }, body });
    const crossSite = await rawRequest(bot.server.url, { headers: { ...json, "Sec-Fetch-Site": "cross-site" }, body });
    expect([fromPage.status, crossSite.status]).toEqual([403, 403]);
    expect(await isPaused(bot.runtime.store)).toBe(false);
    expect((await rawRequest(bot.server.url, { headers: json, body })).status).toBe(200);
    expect(await isPaused(bot.runtime.store)).toBe(true);
    await setPaused(bot.runtime.store, false, "test", new Date());
  });

  it("refuses a request addressed to a name other than loopback, as a rebound DNS name would be", async () => {
    const answer = await rawRequest(bot.server.url, { headers: { ...json, Host: "evil.example:3978" }, body: JSON.stringify(pause()) });
    expect(answer.status).toBe(403);
    expect(await isPaused(bot.runtime.store)).toBe(false);
  });

  it("answers activities with missing parts or wrong types with 400, never 500", async () => {
    const good = pause() as unknown as Record<string, unknown>;
    const bodies: unknown[] = [
      { type: "message" },
      { ...good, type: 7 },
      { ...good, from: 5 },
      { ...good, from: { name: "no id" } },
      { ...good, conversation: "x" },
      { ...good, recipient: null },
      { ...good, serviceUrl: "javascript:alert(1)" },
      { ...good, serviceUrl: 42 },
      { ...good, text: { nested: true } },
      { ...good, entities: "clientInfo" },
      { ...good, channelData: [] },
      { ...good, membersAdded: [1, 2] },
      { ...good, value: nest(200) },
      "a string",
      [good],
      null,
    ];
    const statuses = [];
    for (const body of bodies) statuses.push((await rawRequest(bot.server.url, { headers: json, body: JSON.stringify(body) })).status);
    expect(statuses).toEqual(bodies.map(() => 400));
    expect(await isPaused(bot.runtime.store)).toBe(false);
    expect(await health()).toBe(200);
  });

  it("answers /healthz with its status only", async () => {
    const answer = await rawRequest(bot.server.url, { method: "GET", path: "/healthz" });
    expect(JSON.parse(answer.body)).toEqual({ status: "ok", lastRun: null });
  });
});

/** The bracket notation (`from[aadObjectId]=...`) that form parsers such as qs turn back into nested objects. */
function formEncode(value: unknown, prefix = ""): string {
  if (typeof value !== "object" || value === null) return `${encodeURIComponent(prefix)}=${encodeURIComponent(String(value))}`;
  return Object.entries(value)
    .map(([key, inner]) => formEncode(inner, prefix ? `${prefix}[${key}]` : key))
    .filter((pair) => pair !== "")
    .join("&");
}

function nest(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i += 1) value = { inner: value };
  return value;
}
