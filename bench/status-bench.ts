/**
 * Benchmark: `/mfa status` with 100,000 people in the store against `/mfa help` in the same run,
 * both over the bot's real HTTP endpoint (Teams-shaped activities in, replies to a simulated
 * connector out). Goal: status within 2x of help. Also: the campaign pass (which computes the
 * status) at 95 % registered, goal at most 1 s; and the peak memory of `sync`, `run-once` and
 * `start` each in its own process, and of this one serving the bot, goal under 250 MB.
 *
 *   npm run bench:status                    100,000 people, 95 % registered
 *   npm run bench:status -- --size 20000 --registered 0.5
 */
// This process serves the bot as `mfa-nudge start` would: with the same heap tuning.
import "../src/cli/tune-heap.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { openBot } from "../src/app/open-bot.js";
import { openRuntime } from "../src/app/open-runtime.js";
import { readCampaign } from "../src/config/read-campaign.js";
import { planCampaign } from "../src/jobs/plan-campaign.js";
import { recordStatus } from "../src/reports/record-status.js";
import { startSimulatedConnector } from "../src/sandbox/connector/simulated-connector.js";
import { personalMessage, postToBot } from "../src/sandbox/connector/teams-activities.js";
import { serveBot } from "../src/app/serve-bot.js";
import { runMeasured, startSandboxGraph } from "./spawn-measured.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "100000" },
    rounds: { type: "string", default: "40" },
    registered: { type: "string", default: "0.95" },
  },
});
const size = Number(values.size);
const rounds = Number(values.rounds);
const tenantId = "11111111-2222-3333-4444-555555555555";
const adminId = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

const graph = await startSandboxGraph(["--size", String(size), "--reports-pace", "5/1", "--registered", values.registered ?? "0.95"]);
const connector = await startSimulatedConnector();
const dir = mkdtempSync(join(tmpdir(), "bench-status-"));
const campaignFile = join(dir, "campaign.yaml");
writeFileSync(
  campaignFile,
  stringify({
    name: "Benchmark rollout",
    helpdesk: { name: "IT Service Desk" },
    timeZone: "Europe/London",
    phases: [
      { name: "Admins", members: { admins: true }, deadline: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10) },
      { name: "Everyone", members: { all: true }, deadlineDaysAfterFirstReminder: 14 },
    ],
    exclude: { users: ["admin-emergency-01@contoso.com", "admin-emergency-02@contoso.com"] },
    // For `start` below: a campaign run every ten seconds.
    schedule: "*/10 * * * * *",
  }),
);
const env = {
  GRAPH_BASE_URL: graph.url,
  GRAPH_ACCESS_TOKEN: "sandbox",
  GRAPH_REPORTS_PACE: "5/1s",
  DATABASE_URL: `sqlite:${join(dir, "store.sqlite")}`,
  CAMPAIGN_FILE: campaignFile,
  TEAMS_SERVICE_URL: connector.url,
  AZURE_TENANT_ID: tenantId,
  ADMIN_USER_IDS: adminId,
  LOG_LEVEL: "silent",
};

// The sync in its own process, as `mfa-nudge sync` runs.
const sync = await runMeasured(["sync", "--full"], env);
if (sync.code !== 0) throw new Error(`sync failed: ${sync.stdout}`);
const runtime = await openRuntime({ env, defaultLogLevel: "silent" });
const policy = readCampaign(campaignFile);

// What every campaign run does; it leaves the status ready for /mfa status. The first pass warms
// the store's cache, as the sync just before a run does; the second is measured.
await planCampaign(runtime.store, policy, Date.now(), () => Promise.resolve());
const t = performance.now();
const cpu = process.cpuUsage();
const planned = await planCampaign(runtime.store, policy, Date.now(), () => Promise.resolve());
if (planned.status) await recordStatus(runtime.store, planned.status, policy.timeZone);
const planS = (performance.now() - t) / 1000;
const planCpu = process.cpuUsage(cpu);
const planCpuS = (planCpu.user + planCpu.system) / 1e6;

const bot = openBot(runtime, policy);
const server = await serveBot(bot, runtime, { host: "127.0.0.1", port: 0 });
const teams = { serviceUrl: connector.url, tenantId, botId: "mfa-nudge" };
const admin = { aadObjectId: adminId, name: "Bench Admin" };

async function time(text: string): Promise<number> {
  const started = performance.now();
  const answer = await postToBot(server.url, personalMessage(teams, admin, text));
  if (answer.status !== 200) throw new Error(`${text} answered ${answer.status}`);
  return performance.now() - started;
}
// Teams allows 7 messages per second in one conversation; the gap keeps the replies under it, so
// what is measured is answering, not the connector's 429s.
const gap = () => new Promise((resolve) => setTimeout(resolve, 200));
// Warm both paths (first use compiles code and fills caches), then alternate so both see the same machine.
for (let i = 0; i < 5; i += 1) {
  await time("/mfa help");
  await gap();
  await time("/mfa status");
  await gap();
}
const help: number[] = [];
const status: number[] = [];
for (let i = 0; i < rounds; i += 1) {
  help.push(await time("/mfa help"));
  await gap();
  status.push(await time("/mfa status"));
  await gap();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;
const repliesWithDonut = connector.activities.filter((a) => JSON.stringify(a.activity).includes("Chart.Donut")).length;

await server.close();
await runtime.close();
const servingMb = process.resourceUsage().maxRSS / 1024;

// run-once and start, each in its own process against the same store and tenant.
const runOnce = await runMeasured(["run-once"], env);
const start = await runMeasured(["start"], { ...env, PORT: "0" }, async (stdout) => {
  const url = await poll(() => /listening on (http:\/\/[^/\s]+)/.exec(stdout())?.[1]);
  // Until its first scheduled campaign run (sync, plan, deliver) has finished.
  await poll(async () => {
    const health = (await (await fetch(`${url}/healthz`)).json()) as { lastRun: unknown };
    return health.lastRun ?? undefined;
  });
});
graph.stop();
await connector.close();

console.log(
  `Status benchmark: ${size.toLocaleString("en-GB")} people in the store (SQLite), ${rounds} rounds over the bot's HTTP endpoint\n`,
);
console.log(`  sync         ${sync.wallS.toFixed(1)} s (mfa-nudge sync --full, its own process)`);
console.log(
  `  planning     ${planS.toFixed(2)} s, ${planCpuS.toFixed(2)} s of CPU ` +
    "(the campaign pass that leaves the status ready; goal: at most 1 s)",
);
console.log(`  /mfa help    median ${median(help).toFixed(1)} ms, p95 ${p95(help).toFixed(1)} ms`);
console.log(
  `  /mfa status  median ${median(status).toFixed(1)} ms, p95 ${p95(status).toFixed(1)} ms (${repliesWithDonut} status cards delivered)`,
);
console.log(`  ratio        ${(median(status) / median(help)).toFixed(2)}x help (goal: within 2x)`);
console.log(`  peak memory  (goal: under 250 MB)`);
console.log(`    serving the bot, with the campaign pass   ${servingMb.toFixed(0)} MB`);
console.log(`    mfa-nudge sync --full                     ${sync.peakMb.toFixed(0)} MB`);
console.log(
  `    mfa-nudge run-once                        ${runOnce.peakMb.toFixed(0)} MB (exit ${runOnce.code}, ${runOnce.wallS.toFixed(1)} s)`,
);
console.log(`    mfa-nudge start, through one run          ${start.peakMb.toFixed(0)} MB`);

/** Resolves with the first value `probe` gives that is not undefined, asking every 200 ms. */
async function poll<T>(probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
