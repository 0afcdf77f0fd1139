import { Writable } from "node:stream";
import { sql } from "kysely";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { drainOutbox } from "../../src/delivery/drain-outbox.js";
import type { TeamsMessenger } from "../../src/delivery/teams-messenger.js";
import type { Store } from "../../src/store/open-store.js";
import { queueMessages } from "../../src/store/outbox.js";
import { autoClock } from "../support/manual-clock.js";
import { postgresTarget } from "../support/test-stores.js";

/*
 * On PostgreSQL a drain takes back at once the claims of a sender on another instance that died
 * (listed as live, its presence lock gone), says so, and lets go of its own presence when it ends.
 * SQLite has one instance and no presence, so there is nothing to test there.
 */

const pgUrl = process.env.TEST_DATABASE_URL;
const t0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const serviceUrl = "https://smba.trafficmanager.net/emea/";

describe.skipIf(!pgUrl)(`a drain on PostgreSQL${pgUrl ? "" : " (skipped: TEST_DATABASE_URL is not set)"}`, () => {
  let store: Store;
  afterEach(async () => store?.close());

  it("sends what a departed sender had claimed, warns once, and leaves no sender listed as live", async () => {
    store = await postgresTarget(pgUrl ?? "").open();
    await queueMessages(
      store,
      [{ kind: "reminder", userId: "u1", recipientId: "u1", phase: "Everyone", step: "d-14", payload: {} }],
      new Date(t0),
    );
    // Claimed an hour ago with a lease still running, by a sender whose instance is gone.
    await sql`insert into live_workers (worker) values ('other-host:4242:ghost')`.execute(store.db);
    await store.db
      .updateTable("outbox")
      .set({ status: "sending", claimed_by: "other-host:4242:ghost", lease_until: new Date(t0 + 3_600_000).toISOString(), attempts: 1 })
      .execute();
    const sends: string[] = [];
    const messenger: TeamsMessenger = {
      openConversation: (userId) => Promise.resolve({ conversationId: `a:${userId}`, serviceUrl }),
      send: (ref) => {
        sends.push(ref.conversationId);
        return Promise.resolve("activity-1");
      },
      update: () => Promise.reject(new Error("the drain never updates a message")),
    };
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const tally = await drainOutbox({
      store,
      messenger,
      installer: undefined,
      serviceUrl,
      clock: autoClock(t0),
      log: pino({ level: "warn", base: undefined, timestamp: false }, stream),
      render: () => Promise.resolve({ activity: { type: "message", text: "hello" } }),
      stopWhenIdle: true,
    });
    expect(tally.sent).toBe(1);
    expect(sends).toEqual(["a:u1"]);
    expect(lines).toEqual([{ level: 40, recovered: 1, msg: "took back the claims of a sender that stopped" }]);
    expect((await sql`select worker from live_workers`.execute(store.db)).rows).toEqual([]);
  });
});
