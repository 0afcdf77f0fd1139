import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
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
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
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
});
