/**
 * Benchmark: deliver reminders to many people through a simulated Teams connector (in another
 * process) that enforces Teams' limit with 429s, and report the achieved request rate as a share
 * of that limit, duplicates, losses and peak memory.
 *
 *   npm run bench:deliver                    20,000 people at Teams' 50 requests/s (~7 minutes)
 *   npm run bench:deliver -- --people 2000   a quicker look
 *   npm run bench:deliver -- --fresh         also open each 1:1 chat (two requests per person)
 */
// This process serves the bot as `mfa-nudge start` would: with the same heap tuning.
import "../src/cli/tune-heap.js";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { drainOutbox } from "../src/delivery/drain-outbox.js";
import { openStore } from "../src/store/open-store.js";
import { queueMessages, type NewMessage } from "../src/store/outbox.js";
import { updatePersonState } from "../src/store/people-state.js";
import { createTeamsAdapter } from "../src/teams/create-teams-adapter.js";
import { ConversationPace } from "../src/teams/conversation-pace.js";
import { PacedHttpClient } from "../src/teams/paced-http-client.js";
import { createProactiveMessenger } from "../src/teams/proactive-messenger.js";
import { personalConversationId } from "../src/sandbox/connector/simulated-connector.js";
import { systemClock } from "../src/time/clock.js";
import { SlidingWindow } from "../src/time/sliding-window.js";

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "20000" },
    limit: { type: "string", default: "50" },
    fresh: { type: "boolean", default: false },
  },
});
const people = Number(values.people);
const limit = Number(values.limit);

const connectorProcess = spawn(
  process.execPath,
  [join(fileURLToPath(import.meta.url), "../../src/cli/main.js"), "sandbox", "teams", "--limit", String(limit)],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
const url = await new Promise<string>((resolve) => {
  connectorProcess.stdout.on("data", (chunk: Buffer) => {
    const found = /serving at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(chunk.toString());
    if (found?.[1]) resolve(found[1]);
  });
});

const store = await openStore({ kind: "sqlite", path: join(mkdtempSync(join(tmpdir(), "bench-deliver-")), "store.sqlite") });
const ids = Array.from({ length: people }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
const now = new Date();
const messages: NewMessage[] = ids.map((id) => ({
  kind: "reminder",
  userId: id,
  recipientId: id,
  phase: "Everyone",
  step: "d-14",
  payload: { card: "reminder", kind: "first", deadline: "2030-01-01", firstName: "Ada", preferredLanguage: "en-GB", methodsRegistered: [] },
}));
await queueMessages(store, messages, now);
if (!values.fresh) {
  // The steady state: the bot already has a 1:1 chat with everyone, so one request per message.
  for (const id of ids) await updatePersonState(store, id, now, { conversation_id: personalConversationId(id), service_url: url });
}

const window = new SlidingWindow(limit, 1000, systemClock);
const adapter = createTeamsAdapter(
  undefined,
  new PacedHttpClient(window, () => Date.now(), fetch, { conversations: new ConversationPace(systemClock) }),
);
const messenger = createProactiveMessenger({ adapter, botAppId: "", serviceUrl: url, tenantId: "00000000-0000-0000-0000-000000000000" });
// A small fixed card: the benchmark measures the send path, not card rendering.
const activity = {
  type: "message",
  attachments: [
    {
      contentType: "application/vnd.microsoft.card.adaptive",
      content: { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Reminder" }] },
    },
  ],
};

let last = 0;
const started = performance.now();
const tally = await drainOutbox({
  store,
  messenger,
  installer: undefined,
  serviceUrl: url,
  clock: systemClock,
  log: pino({ level: "silent" }),
  render: () => Promise.resolve({ activity }),
  concurrency: 16,
  onOutcome: (t) => {
    if (process.stderr.isTTY && t.sent - last >= 500) {
      last = t.sent;
      process.stderr.write(`\r  sent ${t.sent.toLocaleString("en-GB")} of ${people.toLocaleString("en-GB")}`);
    }
  },
});
const wallS = (performance.now() - started) / 1000;
if (process.stderr.isTTY) process.stderr.write("\r\x1b[2K");
const stats = (await (await fetch(`${url}sandbox/stats`)).json()) as {
  accepted: number;
  throttled: number;
  messages: number;
  recipients: number;
  duplicates: number;
  firstAt: number;
  lastAt: number;
};
connectorProcess.kill();
await store.close();

const activeS = (stats.lastAt - stats.firstAt) / 1000;
// A sliding window of `limit` per second lets the first `limit` requests through at once, so the
// fastest possible run puts its last request at ceil(n / limit) - 1 seconds after its first.
const boundS = Math.ceil(stats.accepted / limit) - 1;
const share = boundS / activeS;
console.log(
  `Delivery benchmark: ${people.toLocaleString("en-GB")} people, simulated Teams connector enforcing ${limit} requests/s per ` +
    `tenant${values.fresh ? ", opening every chat" : ""}\n`,
);
console.log(
  `  wall time             ${wallS.toFixed(1)} s (${tally.sent.toLocaleString("en-GB")} sent, ${tally.retried} retried, ` +
    `${tally.failed} failed)`,
);
console.log(`  requests accepted     ${stats.accepted.toLocaleString("en-GB")} (${stats.throttled} answered 429)`);
console.log(
  `  achieved rate         ${(stats.accepted / activeS).toFixed(2)} requests/s over ${activeS.toFixed(1)} s; the limit allows ` +
    `it in ${boundS} s`,
);
console.log(`  share of the limit    ${(share * 100).toFixed(1)} % (goal: at least 98 %)`);
console.log(`  messages per second   ${(stats.messages / activeS).toFixed(2)}`);
console.log(`  duplicates            ${stats.duplicates} (goal: 0)`);
console.log(`  lost                  ${people - stats.recipients} (goal: 0)`);
console.log(`  peak memory (RSS)     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
