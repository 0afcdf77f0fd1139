import { afterEach, beforeEach, expect, it } from "vitest";
import { remindCommand } from "../../src/chatops/remind-command.js";
import type { Store } from "../../src/store/open-store.js";
import { examplePolicy, pilotGroup } from "../campaign/campaign-fixture.js";
import { seedSnapshot } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";
import { admin, commandContext, now, textOf } from "./command-scenario.js";

const people = [
  { id: "m1", displayName: "Grace Hopper", givenName: "Grace", methods: ["microsoftAuthenticatorPush"] },
  { id: "u1", displayName: "Ada Lovelace", givenName: "Ada", groups: [pilotGroup] },
  { id: "u2", displayName: "Augusta Ada King", givenName: "Augusta" },
];

// Reminder hours from 09:05, so an opening's hour and minute each have one digit.
const earlyWindow = examplePolicy({
  reminders: {
    daysBeforeDeadline: [14, 7, 3, 1, 0],
    overdueEveryDays: 2,
    window: { days: ["Mon", "Tue", "Wed", "Thu", "Fri"], from: "09:05", to: "16:00" },
    snooze: { days: 2, max: 3 },
  },
});

describeEachStore("/mfa remind", (target) => {
  let store: Store;

  beforeEach(async () => {
    store = await target.open();
    await seedSnapshot(store, new Date(now - 3_600_000), people);
  });
  afterEach(async () => store?.close());

  const audit = () =>
    store.db.selectFrom("audit_log").select(["at", "actor_kind", "actor_id", "action", "subject_id", "detail"]).orderBy("id").execute();
  const outbox = () => store.db.selectFrom("outbox").select(["kind", "user_id", "phase", "step", "status", "not_before"]).execute();

  it("queues a reminder now within the reminder hours, sends it at once, and records who asked", async () => {
    const { context, deliveries } = commandContext(store);
    expect(textOf(await remindCommand("augusta@contoso.com", context))).toBe("Augusta Ada King gets a reminder now.");
    expect(deliveries()).toBe(1);
    expect(await outbox()).toEqual([
      {
        kind: "reminder",
        user_id: "u2",
        phase: "Everyone",
        step: "manual-2026-11-03",
        status: "pending",
        not_before: "2026-11-03T11:00:00.000Z",
      },
    ]);
    expect(await audit()).toEqual([
      {
        at: "2026-11-03T11:00:00.000Z",
        actor_kind: "admin",
        actor_id: admin,
        action: "admin.remind",
        subject_id: "u2",
        detail: JSON.stringify({ outcome: "queued" }),
      },
    ]);
  });

  it("after the reminder hours, queues it for when they open next, and says when on the admin's clock", async () => {
    // Tuesday 17:00 in London: the hours open again on Wednesday at 09:05.
    const evening = now + 6 * 3_600_000;
    const { context, deliveries } = commandContext(store, { policy: earlyWindow });
    expect(textOf(await remindCommand("ada@contoso.com", { ...context, now: evening }))).toBe(
      "Ada Lovelace gets the reminder within their working hours: 2026-11-04 09:05.",
    );
    expect(deliveries()).toBe(1);
    expect(await outbox()).toEqual([
      {
        kind: "reminder",
        user_id: "u1",
        phase: "Pilot",
        step: "manual-2026-11-03",
        status: "pending",
        not_before: "2026-11-04T09:05:00.000Z",
      },
    ]);
    // An admin in Berlin reads the same opening as 10:05 on their own clock.
    await store.db.deleteFrom("outbox").execute();
    const berlin = commandContext(store, { policy: earlyWindow, timeZone: "Europe/Berlin" }).context;
    expect(textOf(await remindCommand("ada@contoso.com", { ...berlin, now: evening }))).toBe(
      "Ada Lovelace gets the reminder within their working hours: 2026-11-04 10:05.",
    );
  });

  it("refuses someone the rules leave out, says why, queues nothing and records the refusal", async () => {
    const { context, deliveries } = commandContext(store);
    await store.db.updateTable("directory_users").set({ display_name: null }).where("id", "=", "m1").execute();
    expect(textOf(await remindCommand("grace@contoso.com", context))).toBe(
      "I didn't remind grace@contoso.com: meets the requirement (mfa)",
    );
    expect(deliveries()).toBe(0);
    expect(await outbox()).toEqual([]);
    expect((await audit()).map((row) => [row.actor_kind, row.action, row.subject_id, row.detail])).toEqual([
      ["admin", "admin.remind", "m1", JSON.stringify({ outcome: "meets the requirement (mfa)" })],
    ]);
  });

  it("explains itself when nobody is named, and says so when nobody matches or nothing is synced yet", async () => {
    const { context, deliveries } = commandContext(store);
    expect(textOf(await remindCommand("", context))).toBe(
      "Type mfa remind followed by an email address, for example mfa remind anna.schmidt@contoso.com.",
    );
    const notFound = "I couldn't find anyone matching 'ada@contoso.org'. Try their full email address.";
    expect(textOf(await remindCommand("ada@contoso.org", context))).toBe(notFound);
    const empty = await target.open();
    try {
      expect(textOf(await remindCommand("ada@contoso.com", { ...context, store: empty }))).toBe(
        "I couldn't find anyone matching 'ada@contoso.com'. Try their full email address.",
      );
    } finally {
      await empty.close();
    }
    expect(deliveries()).toBe(0);
    expect(await audit()).toEqual([]);
  });
});
