import { afterEach, beforeEach, expect, it } from "vitest";
import { renderCard } from "../../src/cards/render-card.js";
import { previewCommand } from "../../src/chatops/preview-command.js";
import type { Store } from "../../src/store/open-store.js";
import { pilotGroup } from "../campaign/campaign-fixture.js";
import { seedSnapshot } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";
import { commandContext, insertMessage, now } from "./command-scenario.js";

/*
 * Today, Tuesday 3 November 2026 at 11:00 in London (inside the reminder hours):
 * - Ada (Pilot, deadline 1 December) is not due yet: the first step is 14 days before, 17 November.
 * - Augusta (Everyone, 14 days after the first reminder) gets her first reminder now, which sets
 *   her deadline to 17 November.
 * - Charles (Everyone, deadline fixed at 10 November, so 7 days left) has had d-14, d-7 and a manual
 *   reminder, all sent and unanswered: his step d-7 is already sent, and three unanswered reminders
 *   tell his manager Grace (escalation.managerAfterReminders: 3), who is in her working hours too.
 * - Grace has registered; the break-glass account is excluded by name.
 */
const people = [
  { id: "m1", displayName: "Grace Hopper", givenName: "Grace", methods: ["microsoftAuthenticatorPush"] },
  { id: "u1", displayName: "Ada Lovelace", givenName: "Ada", groups: [pilotGroup] },
  { id: "u2", displayName: "Augusta Ada King", givenName: "Augusta" },
  { id: "u3", displayName: "Charles Babbage", givenName: "Charles", managerId: "m1" },
  { id: "x1", displayName: "Emergency Access", givenName: "Admin-Emergency-01" },
];

describeEachStore("/mfa preview", (target) => {
  let store: Store;

  beforeEach(async () => {
    store = await target.open();
    await seedSnapshot(store, new Date(now - 3_600_000), people);
    await store.db
      .insertInto("phase_deadlines")
      .values({ user_id: "u3", phase: "Everyone", deadline: "2026-11-10", set_at: "2026-10-27T10:00:00.000Z" })
      .execute();
    for (const [step, day] of [
      ["d-14", "2026-10-27"],
      ["manual-2026-10-30", "2026-10-30"],
      ["d-7", "2026-11-02"],
    ] as const) {
      await insertMessage(store, {
        kind: "reminder",
        userId: "u3",
        phase: "Everyone",
        step,
        status: "sent",
        createdAt: `${day}T10:00:00.000Z`,
        sentAt: `${day}T10:00:03.000Z`,
      });
    }
  });
  afterEach(async () => store?.close());

  it("counts what the next run would send and why the others are left alone, with a sample, and sends nothing", async () => {
    const { context } = commandContext(store);
    const outboxBefore = await store.db.selectFrom("outbox").selectAll().execute();
    expect(await previewCommand("", context)).toEqual({
      kind: "card",
      card: renderCard(
        "preview",
        {
          remind: 1,
          escalate: 1,
          skipped: { registered: 1, excluded: 1, notYet: 1, alreadyReminded: 1 },
          sample: [
            {
              userPrincipalName: "augusta@contoso.com",
              action: "remind",
              phase: "Everyone",
              deadline: "2026-11-17",
              reason: "14 days before the Everyone deadline (2026-11-17)",
            },
            {
              userPrincipalName: "charles@contoso.com",
              action: "escalate",
              phase: "Everyone",
              deadline: "2026-11-10",
              reason: "3 reminders unanswered (escalation.managerAfterReminders: 3)",
            },
          ],
        },
        context.card,
      ),
    });
    expect(await store.db.selectFrom("outbox").selectAll().execute()).toEqual(outboxBefore);
    expect(await store.db.selectFrom("phase_deadlines").select("user_id").execute()).toEqual([{ user_id: "u3" }]);
  });
});
