import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config/read-config.js";
import { openStore } from "../../src/store/open-store.js";
import { expectedRecipients, startCampaignWorld, type CampaignWorld } from "../support/campaign-world.js";
import { runCliCaptured } from "../support/run-cli-captured.js";

const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][DateTime.now().setZone("Europe/London").weekday - 1];

describe("the weekly manager digest, on a generated tenant", () => {
  let world: CampaignWorld;

  beforeAll(async () => {
    // Digest day is today, from midnight, so this run is the digest's run.
    world = await startCampaignWorld({ size: 500, seed: 17, campaign: { digest: { day: weekday, time: "00:00" } } });
  });
  afterAll(() => world?.close());

  it("sends exactly the managers with pending reports one digest each, listing exactly those reports", async () => {
    expect((await runCliCaptured(["run-once"], world.env)).code).toBe(0);
    const pending = expectedRecipients(world.tenant, () => false);
    const byManager = new Map<string, string[]>();
    for (const p of pending) if (p.managerId) byManager.set(p.managerId, [...(byManager.get(p.managerId) ?? []), p.userPrincipalName]);
    // Managers who are themselves out of scope (disabled, service, break-glass) are not told.
    for (const id of [...byManager.keys()]) {
      const m = world.tenant.userById(id);
      if (!m || !m.accountEnabled || m.kind === "service" || m.kind === "breakGlass") byManager.delete(id);
    }
    expect(byManager.size).toBeGreaterThan(5);

    const store = await openStore(readConfig(world.env).database);
    const digests = await store.db
      .selectFrom("outbox")
      .select(["recipient_id", "activity_id", "status"])
      .where("kind", "=", "digest")
      .execute();
    await store.close();
    expect(digests.map((d) => d.recipient_id).sort()).toEqual([...byManager.keys()].sort());

    for (const digest of digests) {
      const received = world.connector.activities.filter((a) => a.id === digest.activity_id);
      expect(received).toHaveLength(1);
      const json = JSON.stringify(received[0]?.activity);
      const listed = world.tenant.users.filter((u) => json.includes(u.userPrincipalName)).map((u) => u.userPrincipalName);
      expect(listed.sort()).toEqual((byManager.get(digest.recipient_id) ?? []).sort());
      expect(json).toContain('"verb":"remindTeam"');
    }
  });

  it("sends no second digest the same week", async () => {
    const before = world.connector.activities.length;
    expect((await runCliCaptured(["run-once"], world.env)).code).toBe(0);
    expect(world.connector.activities.length).toBe(before);
  });
});
