import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config/read-config.js";
import { openStore } from "../../src/store/open-store.js";
import { expectedRecipients, startCampaignWorld, type CampaignWorld } from "../support/campaign-world.js";

const main = "dist/src/cli/main.js";

describe("a run-once killed mid-delivery and started again", () => {
  let world: CampaignWorld;

  beforeAll(async () => {
    // Teams answers slowly here, so the kill lands mid-delivery.
    world = await startCampaignWorld({ size: 900, seed: 21, connectorLatencyMs: 20 });
  });
  afterAll(() => world?.close());

  it("loses no reminder, and sends none twice beyond the sends in flight at the kill", async () => {
    const child = spawn(process.execPath, [main, "run-once"], {
      env: { ...process.env, ...world.env, LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    const start = Date.now();
    while (world.connector.activities.length < 40 && Date.now() - start < 60_000) await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const deliveredBeforeKill = world.connector.activities.length;

    const store = await openStore(readConfig(world.env).database);
    const inFlight = await store.db.selectFrom("outbox").select(["id", "recipient_id"]).where("status", "=", "sending").execute();
    const pendingAtKill = await store.db.selectFrom("outbox").select("id").where("status", "=", "pending").execute();
    await store.close();
    expect(pendingAtKill.length).toBeGreaterThan(0); // it really was killed mid-delivery

    // Not spawnSync: the simulated Graph and Teams live in this process and must keep answering.
    const again = await runToEnd([main, "run-once"], { ...process.env, ...world.env, LOG_LEVEL: "silent" });
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);

    const expected = expectedRecipients(world.tenant, (u) => u.teamsAppBlocked && !u.teamsAppInstalled).map((u) => u.id);
    const received = world.connector.activities.map((a) => a.userId);
    const unique = new Set(received);
    // Nothing lost: every person due received their card.
    expect([...unique].sort()).toEqual([...expected].sort());
    // Nothing twice, except sends in flight when the process died: at most one per sending lane
    // (8 by default), and only among rows it had claimed (README: "Exactly once, and the crash").
    const duplicates = received.length - unique.size;
    expect(duplicates).toBeLessThanOrEqual(8);
    for (const id of new Set(received.filter((r, i) => received.indexOf(r) !== i))) {
      expect(inFlight.map((r) => r.recipient_id)).toContain(id);
    }
    expect(deliveredBeforeKill).toBeLessThan(expected.length);

    const after = await openStore(readConfig(world.env).database);
    const statuses = await after.db.selectFrom("outbox").select("status").distinct().execute();
    await after.close();
    // Nothing left behind: every row ended as sent (or unreachable, for people Teams refused).
    expect(statuses.map((s) => s.status).filter((s) => s !== "sent" && s !== "unreachable")).toEqual([]);
  });
});

function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("exit", (status) => resolve({ status, stderr }));
  });
}
