import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * keepServing changes what the whole process does with an error nobody caught, so it is tried in a
 * process of its own (the built module, as `start` runs it): an escaped throw and an unawaited
 * rejection are logged and the process lives on to print its last line; without it Node ends it.
 */
const module = pathToFileURL(resolve("dist/src/app/keep-serving.js")).href;
const logger = pathToFileURL(resolve("dist/src/log/create-logger.js")).href;

function run(keep: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = `
    const { keepServing } = await import(${JSON.stringify(module)});
    const { createLogger } = await import(${JSON.stringify(logger)});
    if (${keep}) keepServing(createLogger("error"));
    setTimeout(() => { throw new Error("escaped throw"); }, 0);
    setTimeout(() => { Promise.reject(new Error("unawaited rejection")); }, 5);
    setTimeout(() => { console.log("still serving"); }, 50);
  `;
  return new Promise((done) => {
    execFile(process.execPath, ["--input-type=module", "-e", script], { timeout: 20_000 }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

describe("the server's last line of defence", () => {
  it("logs an escaped error and an unawaited rejection, and the process goes on", async () => {
    const { code, stdout, stderr } = await run(true);
    expect(code).toBe(0);
    expect(stdout).toBe("still serving\n");
    const lines = stderr
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { level: number; msg: string; err: { message: string } });
    expect(lines.map((l) => [l.level, l.msg, l.err.message])).toEqual([
      [50, "uncaught error; the server keeps running", "escaped throw"],
      [50, "unhandled rejection; the server keeps running", "unawaited rejection"],
    ]);
  });

  it("is what keeps it alive: without it the same throw ends the process", async () => {
    const { code, stdout } = await run(false);
    expect(code).toBe(1);
    expect(stdout).toBe("");
  });
});
