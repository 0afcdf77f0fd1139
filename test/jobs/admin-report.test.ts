import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCampaignWorld, type CampaignWorld } from "../support/campaign-world.js";
import { runCliCaptured } from "../support/run-cli-captured.js";

const adminChannel = "19:mfa-admins@thread.tacv2";

describe("the admins' channel", () => {
  let world: CampaignWorld;

  beforeAll(async () => {
    world = await startCampaignWorld({
      size: 120,
      seed: 23,
      channels: [adminChannel],
      campaign: { adminReport: { conversationId: adminChannel, time: "00:00" } },
    });
  });
  afterAll(() => world?.close());

  const inChannel = () =>
    world.connector.activities.filter((a) => a.conversationId === adminChannel).map((a) => JSON.stringify(a.activity));

  it("gets the daily report once a day, with the status and what changed", async () => {
    expect((await runCliCaptured(["run-once"], world.env)).code).toBe(0);
    expect((await runCliCaptured(["run-once"], world.env)).code).toBe(0);
    const posted = inChannel();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("Chart.Donut");
  });

  it("is alerted at once when delivery stops working, once per problem", async () => {
    // Teams now refuses every send for good: most sends fail.
    world.connector.injectFault({ method: "POST", path: /^\/v3\/conversations\/a%3A/, times: 10_000, status: 400, code: "BadSyntax" });
    // A fresh store: every person is due again, and every send fails.
    const fresh = { ...world.env, DATABASE_URL: (world.env.DATABASE_URL ?? "").replace("store.sqlite", "store-2.sqlite") };
    const run = await runCliCaptured(["run-once"], fresh);
    expect(run.code).toBe(1);
    const alerts = inChannel().filter((p) => p.includes("Reminders are not being delivered"));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain("BadSyntax");
    const before = inChannel().length;
    await runCliCaptured(["run-once"], fresh);
    // No second alert for the same problem within six hours (the daily report was already sent too).
    expect(inChannel().length).toBe(before);
  });
});
