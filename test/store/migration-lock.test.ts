import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { freshPostgresSchema } from "../support/postgres-connections.js";

const openStoreModule = resolve("dist/src/store/open-store.js");

/**
 * Starts `count` processes that each open the same store at the same moment (a shared wall-clock
 * instant, past their start-up), as a server and a CLI run, or two replicas, do on a fresh store.
 * Returns what each printed: "opened", or the error.
 */
async function openTogether(target: { kind: "sqlite"; path: string } | { kind: "postgres"; url: string }, count: number) {
  const at = Date.now() + 4000;
  const script = `
    const { openStore } = await import(${JSON.stringify(openStoreModule)});
    await new Promise((r) => setTimeout(r, ${at} - Date.now()));
    try { const s = await openStore(${JSON.stringify(target)}); await s.close(); console.log("opened"); }
    catch (e) { console.log(e.message); }`;
  const runs = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    return new Promise<string>((done) => child.once("exit", () => done(out.trim())));
  });
  return Promise.all(runs);
}

describe("migrations on a fresh store", () => {
  it("let three processes opening a fresh SQLite file at once all start", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "migrate-race-")), "store.sqlite");
    expect(await openTogether({ kind: "sqlite", path }, 3)).toEqual(["opened", "opened", "opened"]);
  });

  const pgUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(!pgUrl)(
    `let three processes opening a fresh PostgreSQL schema at once all start${pgUrl ? "" : " (skipped: TEST_DATABASE_URL is not set)"}`,
    async () => {
      const schema = await freshPostgresSchema(process.env.TEST_DATABASE_URL!, `race_${randomBytes(5).toString("hex")}`);
      try {
        expect(await openTogether({ kind: "postgres", url: schema.url }, 3)).toEqual(["opened", "opened", "opened"]);
      } finally {
        await schema.drop();
      }
    },
  );
});
