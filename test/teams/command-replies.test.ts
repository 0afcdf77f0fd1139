import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalConversationId } from "../../src/sandbox/connector/simulated-connector.js";
import { personalMessage, postToBot } from "../../src/sandbox/connector/teams-activities.js";
import type { SimulatedUser } from "../../src/sandbox/tenant/index.js";
import { startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { startBot, type RunningBot } from "../support/start-bot.js";

/*
 * Replies to commands share the proactive sends' pace and retries. The simulated connector holds
 * each conversation to Teams' 7 requests a second with 429 + Retry-After, as Teams does.
 */
describe("replies to a burst of commands in one chat", () => {
  let world: CampaignWorld;
  let bot: RunningBot;
  let person: SimulatedUser;

  beforeAll(async () => {
    world = await startCampaignWorld({ size: 20, seed: 31 });
    person = world.tenant.users.find((u) => u.kind === "person" && u.teamsAppInstalled)!;
    bot = await startBot(world.env);
  });
  afterAll(async () => {
    await bot?.close();
    await world?.close();
  });

  const env = () => ({ serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" });
  const say = (text: string) =>
    postToBot(bot.server.url, personalMessage(env(), { aadObjectId: person.id, name: person.displayName }, text));
  const repliesInChat = () => world.connector.activities.filter((a) => a.conversationId === personalConversationId(person.id));

  it("answers every one of 30 messages sent at once, paced to the conversation's limit rather than refused", async () => {
    const before = repliesInChat().length;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => say(`hello ${i}`)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(repliesInChat().length - before).toBe(30);
    const refused = world.connector.requests.filter((r) => r.status === 429).length;
    expect(refused).toBe(0);
  });

  it("keeps retrying a reply Teams refuses with 429 beyond the SDK's own retries, each after its Retry-After", async () => {
    const before = repliesInChat().length;
    const refusedBefore = world.connector.requests.filter((r) => r.status === 429).length;
    // botbuilder's client retries a 429 three times by itself; six refusals outlast it.
    world.connector.injectFault({
      method: "POST",
      path: /\/activities/,
      times: 6,
      status: 429,
      code: "ThrottledRequest",
      retryAfterSeconds: 1,
    });
    const started = Date.now();
    expect((await say("once more")).status).toBe(200);
    expect(repliesInChat().length - before).toBe(1);
    expect(world.connector.requests.filter((r) => r.status === 429).length - refusedBefore).toBe(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(6000);
  });
});
