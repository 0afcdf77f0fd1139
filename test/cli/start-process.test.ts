import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const main = "dist/src/cli/main.js";

function start(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "start-"));
  const child = spawn(process.execPath, [main, "start"], {
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: `sqlite:${join(dir, "s.sqlite")}`,
      CAMPAIGN_FILE: "campaign.sample.yaml",
      LOG_LEVEL: "silent",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe("mfa-nudge start", () => {
  it("without credentials listens on loopback only, says so, serves /healthz, and stops cleanly", async () => {
    const run = start({ PORT: "0" });
    const deadline = Date.now() + 20_000;
    // Both lines: the listening one and the schedule's (they may arrive in separate chunks).
    while (!/\(Europe\/London\)/.test(run.out()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const url = /listening on (http:\/\/\S+)\/api\/messages/.exec(run.out())?.[1] ?? "";
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.out()).toMatch(/local mode: no credentials, so loopback only/);
    expect(run.out()).toMatch(/runs on "\*\/30 \* \* \* \*" \(Europe\/London\)/);
    // Status only: no mode, no counts, no error text for anyone who can reach the port.
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: "ok", lastRun: null });
    // Ready: the store answers and its schema is current.
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });

  it("refuses a second start on the same SQLite file with exit status 2 naming the file, then one once the first stopped", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "start-twice-")), "store.sqlite");
    const listening = async (run: ReturnType<typeof start>) => {
      const deadline = Date.now() + 30_000;
      while (!/listening on/.test(run.out()) && Date.now() < deadline && run.child.exitCode === null)
        await new Promise((r) => setTimeout(r, 50));
      expect(run.out()).toContain("listening on");
    };
    const first = start({ PORT: "0", DATABASE_URL: `sqlite:${file}` });
    await listening(first);
    const second = start({ PORT: "0", DATABASE_URL: `sqlite:${file}` });
    expect(await second.exited).toBe(2);
    expect(second.err()).toContain(
      `mfa-nudge: the SQLite store at ${file} is already served by another mfa-nudge start (pid ${first.child.pid} on ${hostname()})`,
    );
    expect(second.err()).toContain("use PostgreSQL");
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const third = start({ PORT: "0", DATABASE_URL: `sqlite:${file}` });
    await listening(third);
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);
  });

  it("refuses to listen beyond loopback without credentials, with exit status 2", async () => {
    const run = start({ PORT: "0", HOST: "0.0.0.0" });
    expect(await run.exited).toBe(2);
    expect(run.err()).toMatch(/HOST: 0\.0\.0\.0 is not a loopback address/);
  });

  it("stops with exit status 2 naming the key when the campaign file is wrong", async () => {
    const run = start({ PORT: "0", CAMPAIGN_FILE: "package.json" });
    expect(await run.exited).toBe(2);
    expect(run.err()).toMatch(/package\.json: \(top level\): unknown key/);
  });

  it("says only 'degraded' and the failed run's code on /healthz, never its text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "start-degraded-"));
    const campaign = join(dir, "campaign.yaml");
    writeFileSync(campaign, readFileSync("campaign.sample.yaml", "utf8").replace('schedule: "*/30 * * * *"', 'schedule: "*/2 * * * * *"'));
    // Graph at a closed port: every run fails, with an error naming the host.
    const run = start({
      PORT: "0",
      CAMPAIGN_FILE: campaign,
      GRAPH_BASE_URL: "http://127.0.0.1:9",
      GRAPH_ACCESS_TOKEN: "t",
      GRAPH_TIMEOUT: "500ms",
      LOG_LEVEL: "warn",
    });
    try {
      const deadline = Date.now() + 60_000;
      while (!/listening on/.test(run.out()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const url = /listening on (http:\/\/\S+)\/api\/messages/.exec(run.out())?.[1] ?? "";
      let health: { status?: string; lastRun?: { at?: string; outcome?: string } | null } = {};
      while (health.lastRun?.outcome === undefined && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        health = (await (await fetch(`${url}/healthz`)).json()) as typeof health;
      }
      expect(health).toEqual({
        status: "degraded",
        lastRun: { at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string, outcome: "graph_unreachable" },
      });
      expect(JSON.stringify(health)).not.toContain("127.0.0.1");
      // The details go to the operator's log instead (and to the admins' alert): what failed, and where.
      const logged = run
        .err()
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as { msg?: string; detail?: string });
      const alert = logged.find((l) => l.msg === "delivery problem; alerting the admins");
      expect(alert?.detail).toMatch(/^Could not reach Graph at http:\/\/127\.0\.0\.1:9 \(GET \/v1\.0\/reports\//);
    } finally {
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
    }
  });
});
