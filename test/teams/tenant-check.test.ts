import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardAction, personalMessage, postToBot } from "../../src/sandbox/connector/teams-activities.js";
import type { SimulatedUser } from "../../src/sandbox/tenant/index.js";
import { startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { startBot, type RunningBot } from "../support/start-bot.js";

const otherTenant = "99999999-9999-9999-9999-999999999999";

describe("activities from outside the organisation's tenant", () => {
  let world: CampaignWorld;
  let bot: RunningBot;
  let person: SimulatedUser;

  beforeAll(async () => {
    world = await startCampaignWorld({ size: 20, seed: 41 });
    person = world.tenant.users.find((u) => u.kind === "person" && u.teamsAppInstalled)!;
    bot = await startBot({ ...world.env, ADMIN_USER_IDS: person.id });
  });
  afterAll(async () => {
    await bot?.close();
    await world?.close();
  });

  const env = () => ({ serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" });
  const who = () => ({ aadObjectId: person.id, name: person.displayName, timeZone: "Asia/Tokyo" });
  const withTenants = <T extends { conversation: object; channelData: object }>(
    activity: T,
    conversation: string | undefined,
    channel: string | undefined,
  ) => ({
    ...activity,
    conversation: { ...activity.conversation, tenantId: conversation },
    channelData: { ...activity.channelData, tenant: channel === undefined ? undefined : { id: channel } },
  });
  const refusals = () =>
    bot.runtime.store.db
      .selectFrom("audit_log")
      .select(["action", "actor_id", "detail"])
      .where("action", "=", "activity.refused")
      .execute();

  it("refuses an activity whose two tenant fields disagree, whichever names ours, and one without channelData's tenant", async () => {
    const before = world.connector.activities.length;
    const cases: [string | undefined, string | undefined][] = [
      [tenantId, otherTenant],
      [otherTenant, tenantId],
      [tenantId, undefined],
    ];
    for (const [conversation, channel] of cases) {
      const message = await postToBot(bot.server.url, withTenants(personalMessage(env(), who(), "/mfa pause"), conversation, channel));
      expect(message.status).toBe(200);
      const action = await postToBot(
        bot.server.url,
        withTenants(cardAction(env(), who(), "snooze", { outboxId: "x" }), conversation, channel),
      );
      expect(action.status).toBe(403);
    }
    expect(world.connector.activities.length).toBe(before);
    expect(await bot.runtime.store.db.selectFrom("people_state").selectAll().execute()).toEqual([]);
    expect(await bot.runtime.store.db.selectFrom("app_state").selectAll().execute()).toEqual([]);
    const audited = await refusals();
    expect(audited).toHaveLength(6);
    expect(JSON.parse(audited[0]?.detail ?? "{}")).toEqual({
      reason: "tenant",
      type: "message",
      conversationTenant: tenantId,
      channelTenant: otherTenant,
    });
    expect(audited[0]?.actor_id).toBe(person.id);
  });

  it("accepts an activity that names only channelData's tenant, as Teams' documented personal messages do", async () => {
    const before = world.connector.activities.length;
    const answer = await postToBot(bot.server.url, withTenants(personalMessage(env(), who(), "hello"), undefined, tenantId));
    expect(answer.status).toBe(200);
    expect(world.connector.activities.length).toBe(before + 1);
  });

  it("audits at most twenty refusals a minute, so a flood cannot fill the audit log", async () => {
    const already = (await refusals()).length;
    for (let i = 0; i < 30; i += 1) {
      await postToBot(bot.server.url, withTenants(personalMessage(env(), who(), `flood ${i}`), otherTenant, otherTenant));
    }
    expect((await refusals()).length).toBe(20);
    expect(already).toBe(6);
  });
});
