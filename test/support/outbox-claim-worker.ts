import { parseDatabaseUrl } from "../../src/config/parse-database-url.js";
import { openStore } from "../../src/store/open-store.js";
import { claimMessages } from "../../src/store/outbox.js";

/*
 * One outbox worker in its own process, with its own connection, run from source by vite-node:
 * `vite-node test/support/outbox-claim-worker.ts <DATABASE_URL> <worker> <now ISO>`. It opens the
 * store, prints "ready", waits for a line on stdin (so every worker starts claiming together),
 * claims five rows at a time until none are left, and prints the ids it claimed as JSON.
 */
const [url = "", worker = "", now = ""] = process.argv.slice(2);
const target = parseDatabaseUrl(url);
if (!target) throw new Error(`not a database URL: ${url}`);
const store = await openStore(target);
process.stdout.write("ready\n");
await new Promise((resolve) => process.stdin.once("data", resolve).resume());
// Not read to its end: vite exits the process when stdin ends, which would cut the claims short.
process.stdin.destroy();
const claimed: string[] = [];
for (;;) {
  const rows = await claimMessages(store, worker, 5, new Date(now), 60_000);
  if (rows.length === 0) break;
  claimed.push(...rows.map((r) => r.id));
}
await store.close();
process.stdout.write(`${JSON.stringify(claimed)}\n`);
