import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = join(fileURLToPath(import.meta.url), "../../src/cli/main.js");
const preload = join(fileURLToPath(import.meta.url), "../report-peak-rss.js");

export interface Measured {
  readonly code: number | null;
  readonly stdout: string;
  /** The log (JSON lines on stderr). */
  readonly stderr: string;
  readonly wallS: number;
  readonly peakMb: number;
}

/**
 * Runs `mfa-nudge <args>` in its own process, as an operator would, and reports its wall time and
 * peak RSS. `until` may end a long-running command (start) by resolving, after which it gets SIGTERM.
 */
export async function runMeasured(
  args: readonly string[],
  env: Record<string, string>,
  until?: (stdout: () => string) => Promise<void>,
): Promise<Measured> {
  const rssFile = join(mkdtempSync(join(tmpdir(), "bench-rss-")), "peak");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", preload, cli, ...args], {
    env: { ...process.env, ...env, PEAK_RSS_FILE: rssFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  if (until) {
    await until(() => stdout);
    child.kill("SIGTERM");
  }
  const code = await exited;
  const wallS = (performance.now() - started) / 1000;
  return { code, stdout, stderr, wallS, peakMb: Number(readFileSync(rssFile, "utf8")) / 1024 };
}

/** Starts `mfa-nudge sandbox graph` in its own process and resolves with its URL. */
export async function startSandboxGraph(args: readonly string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [cli, "sandbox", "graph", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const found = /serving Graph at (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
      if (found?.[1]) resolve(found[1]);
    });
  });
  return { url, stop: () => child.kill() };
}
