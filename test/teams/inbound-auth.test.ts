import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config/read-config.js";
import { chooseListenHost } from "../../src/teams/choose-listen-host.js";
import { cardAction, personalMessage, postToBot } from "../../src/sandbox/connector/teams-activities.js";
import { startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { startBot, type RunningBot } from "../support/start-bot.js";

describe("with bot credentials configured", () => {
  let world: CampaignWorld;
  let bot: RunningBot;

  beforeAll(async () => {
    world = await startCampaignWorld({
      size: 50,
      seed: 4,
      env: {
        BOT_ID: "0d5e6f70-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
        BOT_PASSWORD: "not-a-real-secret",
        BOT_TENANT_ID: tenantId,
        HOST: "127.0.0.1",
      },
    });
    bot = await startBot(world.env);
  });
  afterAll(async () => {
    await bot?.close();
    await world?.close();
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

  it("listens on all addresses by default, which it refuses to do without credentials", () => {
    expect(chooseListenHost(readConfig({ ...world.env, HOST: "" })).host).toBe("0.0.0.0");
    const local = { ...world.env, BOT_ID: "", BOT_PASSWORD: "", HOST: "" };
    expect(chooseListenHost(readConfig(local))).toEqual({ host: "127.0.0.1", local: true });
    expect(() => chooseListenHost(readConfig({ ...local, HOST: "0.0.0.0" }))).toThrow(/HOST: 0\.0\.0\.0 is not a loopback address/);
  });
});
