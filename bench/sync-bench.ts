/**
 * Benchmark: the sync of a large simulated tenant, read in full and then incrementally (the report's
 * not-registered rows and the directory's changes), at several shares of people registered. The
 * bound is what Graph's report throttle allows a full read: report pages / allowed requests per
 * second. Goals: a full read within 1.1x of that bound; an incremental sync at 95 % registered at
 * most 0.15x of it; the sync's peak memory under 300 MB.
 *
 *   npm run bench:sync                           100,000 people at 50, 90 and 95 % registered, throttle scaled to 5 per 1 s
 *   npm run bench:sync -- --pace 5/10s           Graph's real limit (a full read of 100,000 takes ~3.5 minutes)
 *   npm run bench:sync -- --size 10000 --registered 0.95
 *
 * Each `mfa-nudge sync` runs in its own process (its peak RSS is its own) against the simulated
 * tenant served by another, as a real deployment would see Graph.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runMeasured, startSandboxGraph } from "./spawn-measured.js";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "100000" },
    registered: { type: "string", default: "0.5,0.9,0.95" },
    pace: { type: "string", default: "5/1s" },
  },
});
const size = Number(values.size);
const pace = values.pace ?? "5/1s";
const [limit, windowText] = pace.split("/") as [string, string];
const windowMs = windowText.endsWith("ms") ? Number(windowText.slice(0, -2)) : Number(windowText.replace(/s$/, "")) * 1000;
const perSecond = Number(limit) / (windowMs / 1000);

console.log(
  `Sync benchmark: ${size.toLocaleString("en-GB")} people, ` +
    `report throttle in force: ${limit} requests per ${windowMs / 1000} s (${perSecond} per second)\n`,
);
console.log("registered   read          report pages   sync (s)   full-read bound (s)   ratio   process (s)   peak RSS (MB)");
for (const share of (values.registered ?? "").split(",").map(Number)) {
  const graph = await startSandboxGraph([
    "--size",
    String(size),
    "--reports-pace",
    `${limit}/${windowMs / 1000}`,
    "--registered",
    String(share),
  ]);
  const env = {
    GRAPH_BASE_URL: graph.url,
    GRAPH_ACCESS_TOKEN: "sandbox",
    GRAPH_REPORTS_PACE: pace,
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), "bench-sync-")), "store.sqlite")}`,
    LOG_LEVEL: "info",
  };
  const full = await runMeasured(["sync", "--full"], env);
  // The default schedule reads the report in full at most daily: this one reads only what may have changed.
  const incremental = await runMeasured(["sync"], env);
  graph.stop();
  if (full.code !== 0 || incremental.code !== 0) throw new Error(`sync failed: ${full.stdout}${incremental.stdout}`);
  const boundS = reportPages(full.stdout) / perSecond;
  for (const [name, run] of [
    ["full", full],
    ["incremental", incremental],
  ] as const) {
    const syncS = syncElapsedMs(run.stderr) / 1000;
    console.log(
      `${`${(share * 100).toFixed(0)} %`.padEnd(12)} ${name.padEnd(13)} ${String(reportPages(run.stdout)).padStart(12)} ` +
        `${syncS.toFixed(1).padStart(10)} ${boundS.toFixed(1).padStart(21)} ${(syncS / boundS).toFixed(3).padStart(7)} ` +
        `${run.wallS.toFixed(1).padStart(12)} ${run.peakMb.toFixed(0).padStart(15)}`,
    );
  }
}
console.log(
  "\nGoals: a full read within 1.1x of the bound; incremental at 95 % registered at most 0.15x; peak memory under 300 MB.\n" +
    "sync: the sync itself as the process logs it; process: the whole `mfa-nudge sync`, start-up included.",
);

/** The elapsed time the sync logs when it completes ("sync complete", elapsedMs). */
function syncElapsedMs(log: string): number {
  for (const line of log.split("\n")) {
    if (!line.includes('"sync complete"')) continue;
    return (JSON.parse(line) as { elapsedMs: number }).elapsedMs;
  }
  return Number.NaN;
}

function reportPages(stdout: string): number {
  return Number(/\((\d+) report pages/.exec(stdout)?.[1] ?? Number.NaN);
}
