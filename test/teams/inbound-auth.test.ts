import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config/read-config.js";
import { chooseListenHost } from "../../src/teams/choose-listen-host.js";
import { botInstalled, cardAction, personalMessage, postToBot } from "../../src/sandbox/connector/teams-activities.js";
import { startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { rawRequest } from "../support/raw-request.js";
import { startBot, type RunningBot } from "../support/start-bot.js";
import { connectorClaims, startFakeBotFrameworkKeys, type FakeBotFrameworkKeys } from "../support/fake-bot-framework-keys.js";

const botId = "0d5e6f70-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const unauthorized = {
  error: { code: "Unauthorized", message: "The request carries no Bot Framework token, or one that did not validate." },
};

describe("with bot credentials configured", () => {
  let world: CampaignWorld;
  let bot: RunningBot;
  let keys: FakeBotFrameworkKeys;

  beforeAll(async () => {
    keys = await startFakeBotFrameworkKeys();
    world = await startCampaignWorld({
      size: 50,
      seed: 4,
      env: {
        BOT_ID: botId,
        BOT_PASSWORD: "not-a-real-secret",
        BOT_TENANT_ID: tenantId,
        BOT_OPENID_METADATA_URL: keys.metadataUrl,
        HOST: "127.0.0.1",
      },
    });
    bot = await startBot(world.env);
  });
  afterAll(async () => {
    await bot?.close();
    await world?.close();
    await keys?.close();
  });

  const env = () => ({ serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" });
  const user = () => world.tenant.users.find((u) => u.kind === "person")!;

  it("answers an unsigned request with 401 and processes nothing", async () => {
    const u = user();
    const message = await postToBot(
      bot.server.url,
      personalMessage(env(), { aadObjectId: u.id, name: u.displayName, timeZone: "Asia/Tokyo" }, "/mfa status"),
    );
    expect(message.status).toBe(401);
    const action = await postToBot(
      bot.server.url,
      cardAction(env(), { aadObjectId: u.id, name: u.displayName }, "snooze", { outboxId: "x", userId: u.id }),
    );
    expect(action.status).toBe(401);
    const forged = await postToBot(
      bot.server.url,
      personalMessage(env(), { aadObjectId: u.id, name: u.displayName }, "hi"),
      "Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.",
    );
    expect(forged.status).toBe(401);
    expect(world.connector.activities).toHaveLength(0);
    expect(await bot.runtime.store.db.selectFrom("people_state").selectAll().execute()).toEqual([]);
    expect(await bot.runtime.store.db.selectFrom("audit_log").selectAll().execute()).toEqual([]);
  });

  it("accepts a token the Bot Connector signed and processes the activity", async () => {
    const u = user();
    const activity = botInstalled(env(), { aadObjectId: u.id, name: u.displayName, timeZone: "Asia/Tokyo" });
    // A member other than the bot joined: nothing to send, but the person's time zone is kept.
    activity.membersAdded = [{ id: `29:${u.id}` }];
    const answer = await postToBot(bot.server.url, activity, `Bearer ${keys.sign(connectorClaims(botId, world.connector.url))}`);
    expect(answer.status).toBe(200);
    const state = await bot.runtime.store.db.selectFrom("people_state").select("time_zone").where("user_id", "=", u.id).executeTakeFirst();
    expect(state).toEqual({ time_zone: "Asia/Tokyo" });
  });

  it("answers every token that does not validate with 401 and the same fixed text, whatever the library said", async () => {
    const u = user();
    const activity = personalMessage(env(), { aadObjectId: u.id, name: u.displayName }, "/mfa status");
    const claims = connectorClaims(botId, world.connector.url);
    const now = Math.floor(Date.now() / 1000);
    const good = keys.sign(claims);
    const [head, , signature] = good.split(".") as [string, string, string];
    const tampered = `${head}.${Buffer.from(JSON.stringify({ ...claims, aud: "someone-else" })).toString("base64url")}.${signature}`;
    const headers = [
      undefined,
      "Basic dXNlcjpwYXNz",
      "Bearer",
      "Bearer not-a-jwt",
      `Bearer ${good}x`,
      `Bearer ${tampered}`,
      `Bearer ${keys.sign({ ...claims, exp: now - 3600, nbf: now - 7200 })}`,
      `Bearer ${keys.sign({ ...claims, nbf: now + 3600 })}`,
      `Bearer ${keys.sign({ ...claims, aud: "11111111-0000-0000-0000-000000000000" })}`,
      `Bearer ${keys.sign({ ...claims, iss: "https://evil.example" })}`,
      `Bearer ${keys.sign({ ...claims, serviceurl: "https://evil.example/" })}`,
      `Bearer ${keys.sign(claims, { kid: "not-a-published-key" })}`,
    ];
    const statuses = [];
    for (const header of headers) {
      const answer = await postToBot(bot.server.url, activity, header);
      statuses.push(answer.status);
      expect(answer.body).toEqual(unauthorized);
    }
    expect(statuses).toEqual(headers.map(() => 401));
    expect(world.connector.activities).toHaveLength(0);
  });

  it("refuses a malformed token and any algorithm but RS256 before looking up a signing key", async () => {
    const fresh = await startFakeBotFrameworkKeys();
    const other = await startBot({ ...world.env, BOT_OPENID_METADATA_URL: fresh.metadataUrl });
    try {
      const u = user();
      const activity = personalMessage(env(), { aadObjectId: u.id, name: u.displayName }, "/mfa status");
      const claims = connectorClaims(botId, world.connector.url);
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
      const tokens = [
        `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`,
        `${encode({ alg: "HS256", typ: "JWT", kid: "k" })}.${encode(claims)}.c2lnbmF0dXJl`,
        fresh.sign(claims, { alg: "RS384" }),
        fresh.sign(claims, { alg: "ES256" }),
        fresh.sign(claims, { kid: undefined }),
        `${encode([1, 2])}.${encode(claims)}.c2ln`,
        `${encode({ alg: "RS256", kid: "k" })}.bm90LWpzb24.c2ln`,
        `${"a".repeat(12_000)}.${encode(claims)}.c2ln`,
      ];
      for (const token of tokens) expect((await postToBot(other.server.url, activity, `Bearer ${token}`)).status).toBe(401);
      expect(fresh.fetches()).toBe(0);
    } finally {
      await other.close();
      await fresh.close();
    }
  });

  it("answers 503 while the signing keys cannot be fetched, not 500 with the network's error", async () => {
    const gone = await startFakeBotFrameworkKeys();
    const metadataUrl = gone.metadataUrl;
    const token = gone.sign(connectorClaims(botId, world.connector.url));
    await gone.close();
    const other = await startBot({ ...world.env, BOT_OPENID_METADATA_URL: metadataUrl });
    try {
      const u = user();
      const answer = await postToBot(
        other.server.url,
        personalMessage(env(), { aadObjectId: u.id, name: u.displayName }, "hi"),
        `Bearer ${token}`,
      );
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({
        error: {
          code: "ServiceUnavailable",
          message: "The Bot Framework's signing keys cannot be fetched right now, so no request can be checked; try again later.",
        },
      });
    } finally {
      await other.close();
    }
  });

  it("answers a gzip Content-Encoding over a body that is not gzip with 415, signed or not, and keeps serving", async () => {
    const u = user();
    const body = "this is not gzip";
    const token = `Bearer ${keys.sign(connectorClaims(botId, world.connector.url))}`;
    const statuses = [];
    for (const authorization of [undefined, token]) {
      const headers = {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        ...(authorization ? { Authorization: authorization } : {}),
      };
      statuses.push((await rawRequest(bot.server.url, { headers, body })).status);
    }
    expect(statuses).toEqual([415, 415]);
    expect((await rawRequest(bot.server.url, { method: "GET", path: "/healthz" })).status).toBe(200);
    // And the next signed activity is still processed.
    const activity = botInstalled(env(), { aadObjectId: u.id, name: u.displayName, timeZone: "Europe/Oslo" });
    activity.membersAdded = [{ id: `29:${u.id}` }];
    expect((await postToBot(bot.server.url, activity, token)).status).toBe(200);
  });

  it("listens on all addresses by default, which it refuses to do without credentials", () => {
    expect(chooseListenHost(readConfig({ ...world.env, HOST: "" })).host).toBe("0.0.0.0");
    const local = { ...world.env, BOT_ID: "", BOT_PASSWORD: "", HOST: "" };
    expect(chooseListenHost(readConfig(local))).toEqual({ host: "127.0.0.1", local: true });
    expect(() => chooseListenHost(readConfig({ ...local, HOST: "0.0.0.0" }))).toThrow(/HOST: 0\.0\.0\.0 is not a loopback address/);
  });
});
