/**
 * Benchmark: `/mfa status` with 100,000 people in the store against `/mfa help` in the same run,
 * both over the bot's real HTTP endpoint (Teams-shaped activities in, replies to a simulated
 * connector out). Goal: status within 2x of help. Also reports how long the campaign run that
 * computes the status takes, and peak memory.
 *
 *   npm run bench:status                    100,000 people
 *   npm run bench:status -- --size 20000
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { openBot } from "../src/app/open-bot.js";
import { openRuntime } from "../src/app/open-runtime.js";
import { readCampaign } from "../src/config/read-campaign.js";
import { syncDirectory } from "../src/directory/sync-directory.js";
import { planCampaign } from "../src/jobs/plan-campaign.js";
import { recordStatus } from "../src/reports/record-status.js";
import { startSimulatedConnector } from "../src/sandbox/connector/simulated-connector.js";
import { personalMessage, postToBot } from "../src/sandbox/connector/teams-activities.js";
import { serveBot } from "../src/app/serve-bot.js";

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

const graphProcess = spawn(
  process.execPath,
  [
    join(fileURLToPath(import.meta.url), "../../src/cli/main.js"),
    "sandbox",
    "graph",
    "--size",
    String(size),
    "--reports-pace",
    "5/1",
    "--registered",
    values.registered ?? "0.95",
  ],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
const graphUrl = await new Promise<string>((resolve) => {
  graphProcess.stdout.on("data", (chunk: Buffer) => {
    const found = /serving Graph at (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
    if (found?.[1]) resolve(found[1]);
  });
});
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
  }),
);
const runtime = await openRuntime({
  env: {
    GRAPH_BASE_URL: graphUrl,
    GRAPH_ACCESS_TOKEN: "sandbox",
    GRAPH_REPORTS_PACE: "5/1s",
    DATABASE_URL: `sqlite:${join(dir, "store.sqlite")}`,
    CAMPAIGN_FILE: campaignFile,
    TEAMS_SERVICE_URL: connector.url,
    AZURE_TENANT_ID: tenantId,
    ADMIN_USER_IDS: adminId,
    LOG_LEVEL: "silent",
  },
  defaultLogLevel: "silent",
});
const policy = readCampaign(campaignFile);

let t = performance.now();
await syncDirectory({ graph: runtime.graph(), store: runtime.store, clock: runtime.clock, log: runtime.log });
const syncS = (performance.now() - t) / 1000;
graphProcess.kill();
t = performance.now();
// What every campaign run does; it leaves the status ready for /mfa status.
const planned = await planCampaign(runtime.store, policy, Date.now(), () => Promise.resolve());
if (planned.status) await recordStatus(runtime.store, planned.status, policy.timeZone);
const planS = (performance.now() - t) / 1000;

const bot = openBot(runtime, policy);
const server = await serveBot(bot, runtime, { host: "127.0.0.1", port: 0 });
const env = { serviceUrl: connector.url, tenantId, botId: "mfa-nudge" };
const admin = { aadObjectId: adminId, name: "Bench Admin" };

async function time(text: string): Promise<number> {
  const started = performance.now();
  const answer = await postToBot(server.url, personalMessage(env, admin, text));
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
await connector.close();

console.log(
  `Status benchmark: ${size.toLocaleString("en-GB")} people in the store (SQLite), ${rounds} rounds over the bot's HTTP endpoint\n`,
);
console.log(`  sync         ${syncS.toFixed(1)} s`);
console.log(`  planning     ${planS.toFixed(1)} s (the campaign pass that leaves the status ready)`);
console.log(`  /mfa help    median ${median(help).toFixed(1)} ms, p95 ${p95(help).toFixed(1)} ms`);
console.log(
  `  /mfa status  median ${median(status).toFixed(1)} ms, p95 ${p95(status).toFixed(1)} ms (${repliesWithDonut} status cards delivered)`,
);
console.log(`  ratio        ${(median(status) / median(help)).toFixed(2)}x help (goal: within 2x)`);
console.log(`  peak memory  ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
