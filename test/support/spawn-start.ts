import { spawn } from "node:child_process";

export interface StartedProcess {
  readonly pid: number;
  /** e.g. http://127.0.0.1:51234, where /api/messages listens. */
  readonly url: string;
  readonly err: () => string;
  /** SIGTERM, then its exit status. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies at once, its sends in flight and all. */
  kill(): Promise<void>;
  /** Its exit status, once it has exited. */
  readonly exited: Promise<number | null>;
}

/** `mfa-nudge start --no-schedule` (or with `args`) as its own process (the built CLI), once it says where it listens. */
export async function spawnStart(env: Record<string, string>, args: string[] = ["--no-schedule"]): Promise<StartedProcess> {
  const child = spawn(process.execPath, ["dist/src/cli/main.js", "start", ...args], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 30_000;
  let url: string | undefined;
  while (!(url = /listening on (http:\/\/\S+)\/api\/messages/.exec(stdout)?.[1]) && Date.now() < deadline && child.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!url) {
    child.kill("SIGKILL");
    throw new Error(`mfa-nudge start did not listen: ${stderr || stdout}`);
  }
  return {
    pid: child.pid ?? 0,
    exited,
    url,
    err: () => stderr,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}
