import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { afterEach, expect, it } from "vitest";
import type { Store } from "../../src/store/open-store.js";
import { queueMessages } from "../../src/store/outbox.js";
import { describeEachStore } from "../support/test-stores.js";

/*
 * Workers in separate processes, each with its own connection, claiming at the same moment. In
 * one process a SQLite store has a single synchronous connection, so claims there take turns
 * however many promises ask at once; only separate processes make SQLite's locking do the work.
 */
const t0 = new Date("2026-11-23T10:00:00Z");
const workers = 3;
const rows = 300;

function startWorker(url: string, name: string): { child: ChildProcessWithoutNullStreams; lines: AsyncIterator<string> } {
  const child = spawn(
    process.execPath,
    ["node_modules/vite-node/vite-node.mjs", "test/support/outbox-claim-worker.ts", url, name, t0.toISOString()],
    {
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.once("exit", (code) => {
    if (code !== 0) process.stderr.write(`${name} exited ${code}: ${stderr}\n`);
  });
  return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

describeEachStore("claiming from separate processes", (target) => {
  let store: Store;
  afterEach(async () => store?.close());

  it("never gives the same row to two workers claiming at once, and leaves none unclaimed", async () => {
    store = await target.open();
    await queueMessages(
      store,
      Array.from({ length: rows }, (_, i) => ({
        kind: "reminder" as const,
        userId: `u${i}`,
        recipientId: `u${i}`,
        phase: "Everyone",
        step: "d-14",
        payload: {},
      })),
      t0,
    );
    const started = Array.from({ length: workers }, (_, i) => startWorker(target.lastUrl(), `worker-${i}`));
    for (const w of started) expect((await w.lines.next()).value).toBe("ready");
    for (const w of started) w.child.stdin.write("go\n");
    const claims = await Promise.all(
      started.map(async (w) => {
        const line = (await w.lines.next()).value as string;
        await once(w.child, "exit");
        return JSON.parse(line) as string[];
      }),
    );
    const ids = claims.flat();
    expect(ids).toHaveLength(rows);
    expect(new Set(ids).size).toBe(rows);
    const owners = await store.db.selectFrom("outbox").select(["id", "claimed_by"]).execute();
    for (const [i, claimed] of claims.entries()) {
      const mine = new Set(claimed);
      expect(owners.filter((o) => mine.has(o.id)).every((o) => o.claimed_by === `worker-${i}`)).toBe(true);
    }
  }, 60_000);
});
