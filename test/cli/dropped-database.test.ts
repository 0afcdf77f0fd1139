import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { personalConversationId } from "../../src/sandbox/connector/simulated-connector.js";
import { personalMessage, postToBot } from "../../src/sandbox/connector/teams-activities.js";
import type { SimulatedUser } from "../../src/sandbox/tenant/index.js";
import { campaignFor, startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { dropConnections, freshPostgresSchema, waitForConnections } from "../support/postgres-connections.js";

const pgUrl = process.env.TEST_DATABASE_URL;
const main = "dist/src/cli/main.js";

function spawnCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [main, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, out: () => stdout, err: () => stderr };
}

// pg_terminate_backend on the bot's connections: what a failover, a restart or an idle cut does.
describe.skipIf(!pgUrl)(`the bot when PostgreSQL drops its connections${pgUrl ? "" : " (skipped: TEST_DATABASE_URL is not set)"}`, () => {
  let world: CampaignWorld;
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let appName: string;
  let admin: SimulatedUser;
  let env: Record<string, string>;

  beforeEach(async () => {
    world = await startCampaignWorld({ size: 120, seed: 51, graph: { latencyMs: 400 } });
    appName = `drop_${randomBytes(5).toString("hex")}`;
    schema = await freshPostgresSchema(pgUrl!, appName);
    admin = world.tenant.users.find((u) => u.kind === "person" && u.teamsAppInstalled)!;
    env = { ...world.env, DATABASE_URL: schema.url, ADMIN_USER_IDS: admin.id, LOG_LEVEL: "silent" };
  });
  afterEach(async () => {
    await world?.close();
    await schema?.drop();
  });

  it("start keeps answering commands after its connections are dropped", async () => {
    const run = spawnCli(["start", "--no-schedule"], { ...env, PORT: "0" });
    try {
      const deadline = Date.now() + 60_000;
      while (!/listening on/.test(run.out()) && Date.now() < deadline && run.child.exitCode === null) await sleep(50);
      const url = /listening on (http:\/\/\S+)\/api\/messages/.exec(run.out())?.[1] ?? "";
      const status = () =>
        postToBot(
          url,
          personalMessage(
            { serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" },
            { aadObjectId: admin.id, name: "A" },
            "/mfa status",
          ),
        );
      const replies = () => world.connector.activities.filter((a) => a.conversationId === personalConversationId(admin.id)).length;

      expect((await status()).status).toBe(200);
      expect(replies()).toBe(1);
      await waitForConnections(pgUrl!, appName, "idle");
      expect(await dropConnections(pgUrl!, appName)).toBeGreaterThan(0);
      await sleep(300);

      expect((await status()).status).toBe(200);
      expect(replies()).toBe(2);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(run.child.exitCode).toBeNull();
    } finally {
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
    }
  });

  it("start's schedule runs again, and succeeds, after every connection was cut through several ticks", async () => {
    const campaign = join(world.dir, "every-two-seconds.yaml");
    writeFileSync(campaign, stringify(campaignFor(world.tenant, { schedule: "*/2 * * * * *" })));
    const run = spawnCli(["start"], { ...env, PORT: "0", CAMPAIGN_FILE: campaign });
    try {
      const deadline = Date.now() + 90_000;
      while (!/runs on/.test(run.out()) && Date.now() < deadline && run.child.exitCode === null) await sleep(50);
      const url = /listening on (http:\/\/\S+)\/api\/messages/.exec(run.out())?.[1] ?? "";
      const health = async () => (await (await fetch(`${url}/healthz`)).json()) as { status: string; lastRun: { outcome: string } | null };
      // Cut every connection of the bot's, busy or idle, ten times a second for five seconds: runs in flight lose theirs.
      const cutUntil = Date.now() + 5_000;
      let cut = 0;
      while (Date.now() < cutUntil) {
        cut += await dropConnections(pgUrl!, appName, "all");
        await sleep(100);
      }
      expect(cut).toBeGreaterThan(0);
      // Then the next tick recovers: a run completes and /healthz says so.
      let last = await health();
      while (last.lastRun?.outcome !== "ok" && Date.now() < deadline) {
        await sleep(250);
        last = await health();
      }
      expect(last).toMatchObject({ status: "ok", lastRun: { outcome: "ok" } });
      expect(run.child.exitCode).toBeNull();
      expect(run.err()).not.toMatch(/uncaught|unhandled/);
    } finally {
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
    }
  });

  it("run-once finishes its run when its idle connections are dropped while it waits for Graph", async () => {
    const run = spawnCli(["run-once"], env);
    // A Graph request in flight (400 ms of latency): the bot is waiting, its connections idle in the pool.
    while (!world.graph.requests.some((r) => r.status === 0) && run.child.exitCode === null) await sleep(10);
    expect(await dropConnections(pgUrl!, appName, "idle")).toBeGreaterThan(0);
    expect(await run.exited).toBe(0);
    expect(run.out()).toMatch(/^Synced 1\d\d users\. Planned \d+ reminders/);
    expect(run.err()).toBe("");
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
