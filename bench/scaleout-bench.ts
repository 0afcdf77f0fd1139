/**
 * Benchmark: 1, 2 and 4 `mfa-nudge start` instances, each its own process, on one PostgreSQL
 * database, against one simulated tenant (Graph, its identity reports throttled at Graph's 5 per
 * 10 s) and one simulated Teams connector enforcing 50 requests/s per bot per tenant with 429s.
 * One scheduled tick: the instances must sync once, queue every person due once, and send each a
 * reminder within the one shared Teams budget.
 *
 *   npm run bench:scaleout                                14,000 users, 10,216 due, 1, 2 and 4 instances (~15 minutes)
 *   npm run bench:scaleout -- --size 3000 --instances 2   a quicker look
 *
 * Needs PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL (each run gets a schema of its own, dropped after).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { stringify } from "yaml";
import { openStore, type Store } from "../src/store/open-store.js";
import { updatePersonState } from "../src/store/people-state.js";
import { personalConversationId, startSimulatedConnector } from "../src/sandbox/connector/simulated-connector.js";
import { generateTenant, startGraphServer, type RecordedRequest } from "../src/sandbox/tenant/index.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "14000" },
    instances: { type: "string", default: "1,2,4" },
    limit: { type: "string", default: "50" },
  },
});
const size = Number(values.size);
const counts = (values.instances ?? "1,2,4").split(",").map(Number);
const limit = Number(values.limit);
const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!baseUrl) {
  process.stderr.write(
    "bench:scaleout: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL database, e.g. postgres://postgres@127.0.0.1:5432/test\n",
  );
  process.exit(2);
}
const main = join(fileURLToPath(import.meta.url), "../../src/cli/main.js");

interface Result {
  readonly instances: number;
  readonly due: number;
  readonly syncs: number;
  readonly accepted: number;
  readonly throttled: number;
  readonly share: number;
  readonly duplicates: number;
  readonly lost: number;
  readonly busiestReports: number;
  readonly rssMb: number[];
  readonly senders: number;
  readonly wallS: number;
}

const results: Result[] = [];
console.log(
  `Scale-out benchmark: ${size.toLocaleString("en-GB")} users, one PostgreSQL database, ` +
    `simulated Teams connector enforcing ${limit} requests/s per bot per tenant, Graph reports 5 per 10 s\n`,
);
console.log(
  "instances  syncs  requests  share of limit  429s (%)      duplicates  lost  reports in busiest 10 s  peak RSS per instance (MB)",
);
// Each row as soon as it is measured: a long run cut short still leaves its figures.
for (const n of counts) {
  const r = await runWith(n);
  results.push(r);
  const pct = ((100 * r.throttled) / Math.max(1, r.accepted + r.throttled)).toFixed(2);
  console.log(
    [
      String(r.instances).padStart(9),
      String(r.syncs).padStart(5),
      r.accepted.toLocaleString("en-GB").padStart(8),
      `${(r.share * 100).toFixed(1)} %`.padStart(14),
      `${r.throttled} (${pct} %)`.padStart(13),
      String(r.duplicates).padStart(10),
      String(r.lost).padStart(4),
      String(r.busiestReports).padStart(23),
      `  ${r.rssMb.join(", ")}`,
    ].join("  "),
  );
}
console.log("\nGoals: share at least 98 %, 429s at most 1 % of requests, 0 duplicates, 0 lost, at most 5 report requests in any 10 s.");
for (const r of results) {
  console.log(
    `  ${r.instances} instance(s): ${r.due.toLocaleString("en-GB")} due, ${r.senders.toLocaleString("en-GB")} sent, ` +
      `wall ${r.wallS.toFixed(1)} s from the tick`,
  );
}

async function runWith(n: number): Promise<Result> {
  const tenant = generateTenant({ seed: 9, size, nowMs: Date.now(), registeredShare: 0.2 });
  const graph = await startGraphServer(tenant, { token: "bench" });
  const connector = await startSimulatedConnector({ tenantLimit: { limit, windowMs: 1000 } });
  const schema = `issue9_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(baseUrl as string);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const databaseUrl = url.toString();
  const store = await openStore({ kind: "postgres", url: databaseUrl });
  const children: ChildProcess[] = [];
  try {
    // The steady state: the bot already has a 1:1 chat with everyone, so one request per reminder.
    const now = new Date();
    for (const u of tenant.users) {
      await updatePersonState(store, u.id, now, { conversation_id: personalConversationId(u.id), service_url: connector.url });
    }
    // One tick, far enough ahead for every instance to be up on a busy machine.
    const tick = new Date(Math.ceil((Date.now() + 20_000 + 15_000 * n) / 1000) * 1000);
    const dir = mkdtempSync(join(tmpdir(), "bench-scaleout-"));
    const campaignFile = join(dir, "campaign.yaml");
    writeFileSync(
      campaignFile,
      stringify({
        name: "Benchmark rollout",
        helpdesk: { name: "IT Service Desk", email: "servicedesk@contoso.com" },
        timeZone: "UTC",
        phases: [{ name: "Everyone", members: { all: true }, deadlineDaysAfterFirstReminder: 14 }],
        reminders: { window: { days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], from: "00:00", to: "23:59" } },
        digest: { enabled: false },
        schedule: `${tick.getUTCSeconds()} ${tick.getUTCMinutes()} ${tick.getUTCHours()} * * *`,
      }),
    );
    const env = {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: databaseUrl,
      CAMPAIGN_FILE: campaignFile,
      GRAPH_BASE_URL: graph.url,
      GRAPH_ACCESS_TOKEN: "bench",
      TEAMS_SERVICE_URL: connector.url,
      TEAMS_PACE: `${limit}/1s`,
      PORT: "0",
      LOG_LEVEL: "warn",
    };
    const listening: Promise<void>[] = [];
    for (let i = 0; i < n; i += 1) {
      const child = spawn(process.execPath, [main, "start"], { env, stdio: ["ignore", "pipe", "inherit"] });
      children.push(child);
      listening.push(
        new Promise((resolve) => child.stdout?.on("data", (chunk: Buffer) => /listening on/.test(chunk.toString()) && resolve())),
      );
    }
    await Promise.all(listening);
    if (Date.now() > tick.getTime() - 1000) throw new Error(`the instances were not all up before the tick at ${tick.toISOString()}`);

    // Done when the tick's run has queued its reminders and nothing is left to send.
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const left = await countLeft(store);
      if (process.stderr.isTTY) process.stderr.write(`\r  ${n} instance(s): ${connector.activities.length} sent, ${left.open} to go  `);
      if (left.queued > 0 && left.open === 0) break;
    }
    if (process.stderr.isTTY) process.stderr.write("\r\x1b[2K");
    const rssMb = children.map((c) => peakRssMb(c.pid ?? 0));
    const wallS = (Date.now() - tick.getTime()) / 1000;
    await Promise.all(children.map((c) => stop(c)));

    const due = (await countLeft(store)).queued;
    const syncs = Number(
      (
        await store.db
          .selectFrom("sync_runs")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirst()
      )?.n ?? 0,
    );
    const accepted = connector.requests.filter((r) => r.status < 300);
    const throttled = connector.requests.filter((r) => r.status === 429).length;
    const recipients = new Set(connector.activities.map((a) => a.userId));
    const activeS = ((accepted[accepted.length - 1]?.at ?? 0) - (accepted[0]?.at ?? 0)) / 1000;
    // A sliding window of `limit` per second lets the first `limit` through at once, so the fastest
    // possible run puts its last request ceil(n / limit) - 1 seconds after its first.
    const share = (Math.ceil(accepted.length / limit) - 1) / activeS;
    return {
      instances: n,
      due,
      syncs,
      accepted: accepted.length,
      throttled,
      share,
      duplicates: connector.activities.length - recipients.size,
      lost: due - recipients.size,
      busiestReports: busiest(graph.requests.filter(isReportRequest), 10_000),
      rssMb,
      senders: connector.activities.length,
      wallS,
    };
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await store.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
    await graph.close();
    await connector.close();
  }
}

async function countLeft(store: Store): Promise<{ queued: number; open: number }> {
  const rows = await store.db
    .selectFrom("outbox")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("kind", "=", "reminder")
    .groupBy("status")
    .execute();
  const queued = rows.reduce((sum, r) => sum + Number(r.n), 0);
  const open = rows.filter((r) => r.status === "pending" || r.status === "sending").reduce((sum, r) => sum + Number(r.n), 0);
  return { queued, open };
}

/** Graph's identity-reports quota covers the reports and authentication methods (learn.microsoft.com/graph/throttling-limits). */
function isReportRequest(r: RecordedRequest): boolean {
  return r.path.startsWith("/v1.0/reports/") || /^\/v1\.0\/users\/[^/]+\/authentication\/methods/.test(r.path);
}

/** The most requests that arrived within any `windowMs`. */
function busiest(requests: readonly RecordedRequest[], windowMs: number): number {
  const at = requests.map((r) => r.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < at.length; j += 1) {
    while ((at[j] as number) - (at[i] as number) >= windowMs) i += 1;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

/** The process's peak resident memory (VmHWM, Linux), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
