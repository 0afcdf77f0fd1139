import { PassThrough } from "node:stream";
import { runCli } from "../../src/cli/run-cli.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one mfa-nudge command in-process with the given environment, capturing its output. */
export async function runCliCaptured(argv: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(argv, { env, stdout, stderr });
  return { code, stdout: out, stderr: err };
}
