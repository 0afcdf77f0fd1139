/**
 * Benchmark: sync a large simulated tenant and compare the wall time with the bound Graph's report
 * throttle imposes (report pages / allowed requests per second), and watch peak memory.
 *
 *   npm run bench:sync                      sizes 10,000 and 100,000, throttle scaled to 5 per 1 s
 *   npm run bench:sync -- --pace 5/10s      Graph's real limit (100,000 people take ~3.5 minutes)
 *
 * Each size runs in a fresh process (so peak RSS is that run's own), against the simulated tenant
 * served by another process, as a real deployment would see Graph.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { createGraphClient } from "../src/graph/client/graph-client.js";
import { syncDirectory } from "../src/directory/sync-directory.js";
import { openStore } from "../src/store/open-store.js";
import { systemClock } from "../src/time/clock.js";

const { values } = parseArgs({
  options: {
    child: { type: "boolean", default: false },
    size: { type: "string" },
    sizes: { type: "string", default: "10000,100000" },
    pace: { type: "string", default: "5/1s" },
  },
});
const [limit, windowText] = (values.pace ?? "5/1s").split("/") as [string, string];
const windowMs = windowText.endsWith("ms") ? Number(windowText.slice(0, -2)) : Number(windowText.replace(/s$/, "")) * 1000;
const perSecond = Number(limit) / (windowMs / 1000);

if (values.child) await measure(Number(values.size));
else orchestrate();

function orchestrate(): void {
  const self = fileURLToPath(import.meta.url);
  console.log(`Sync benchmark, report throttle in force: ${limit} requests per ${windowMs / 1000} s (${perSecond} per second)\n`);
  console.log("people     report pages   wall (s)   bound (s)   ratio   peak RSS (MB)");
  for (const size of (values.sizes ?? "").split(",").map(Number)) {
    const run = spawnSync(process.execPath, [self, "--child", "--size", String(size), "--pace", values.pace ?? "5/1s"], {
      encoding: "utf8",
    });
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(1);
    }
    const r = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as {
      size: number;
      pages: number;
      wallS: number;
      boundS: number;
      peakMb: number;
    };
    console.log(
      `${r.size.toLocaleString("en-GB").padEnd(10)} ${String(r.pages).padStart(12)} ${r.wallS.toFixed(1).padStart(10)} ` +
        `${r.boundS.toFixed(1).padStart(11)} ${(r.wallS / r.boundS).toFixed(3).padStart(7)} ${r.peakMb.toFixed(0).padStart(15)}`,
    );
  }
  console.log("\nGoals: ratio within 1.1 of the bound; peak memory flat as the tenant grows, under 300 MB.");
}

async function measure(size: number): Promise<void> {
  const tenantProcess = spawn(
    process.execPath,
    [
      join(fileURLToPath(import.meta.url), "../../src/cli/main.js"),
      "sandbox",
      "graph",
      "--size",
      String(size),
      "--reports-pace",
      `${limit}/${windowMs / 1000}`,
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve) => {
    tenantProcess.stdout.on("data", (chunk: Buffer) => {
      const found = /serving Graph at (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
      if (found?.[1]) resolve(found[1]);
    });
  });
  const store = await openStore({ kind: "sqlite", path: join(mkdtempSync(join(tmpdir(), "bench-sync-")), "store.sqlite") });
  const graph = createGraphClient({
    baseUrl: url,
    tokens: { getToken: () => Promise.resolve("sandbox") },
    clock: systemClock,
    reportsPace: { limit: Number(limit), windowMs },
  });
  const started = performance.now();
  const summary = await syncDirectory({ graph, store, clock: systemClock, log: pino({ level: "silent" }) });
  const wallS = (performance.now() - started) / 1000;
  tenantProcess.kill();
  await store.close();
  const boundS = summary.report_pages / perSecond;
  console.log(JSON.stringify({ size, pages: summary.report_pages, wallS, boundS, peakMb: process.resourceUsage().maxRSS / 1024 }));
}
