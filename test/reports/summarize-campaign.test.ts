import { afterEach, beforeEach, expect, it } from "vitest";
import { findPending } from "../../src/reports/find-pending.js";
import { summarizeCampaign } from "../../src/reports/summarize-campaign.js";
import type { Store } from "../../src/store/open-store.js";
import { updatePersonState } from "../../src/store/people-state.js";
import { examplePolicy, pilotGroup, serviceGroup } from "../campaign/campaign-fixture.js";
import { seedSnapshot } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";

// Tuesday 3 November 2026, 11:00 in London: 28 days before the pilot's deadline of 1 December.
const now = Date.parse("2026-11-03T11:00:00Z");
const push = ["microsoftAuthenticatorPush"];

/*
 * Six accounts. In scope: Ada and Alan (the pilot), Barbara and Carl (everyone else). Registered:
 * Alan and Barbara by the report, Carl by a live check since. Excluded: a service account (by its
 * group) and an emergency account (named in the campaign file).
 */
const people = [
  { id: "u1", displayName: "Ada Lovelace", givenName: "Ada", department: "Engineering", groups: [pilotGroup] },
  { id: "u2", displayName: "Alan Turing", givenName: "Alan", department: "Engineering", groups: [pilotGroup], methods: push },
  { id: "u3", displayName: "Barbara Liskov", givenName: "Barbara", department: "Sales", methods: push },
  { id: "u4", displayName: "Carl Friedrich", givenName: "Carl", department: "Sales" },
  { id: "s1", displayName: "Scanner", givenName: "Scanner", groups: [serviceGroup] },
  { id: "e1", displayName: "Emergency access 1", givenName: "Admin-emergency-01" },
];

describeEachStore("the campaign's figures, read from the store", (target) => {
  let store: Store;
  const policy = examplePolicy();

  beforeEach(async () => {
    store = await target.open();
    await seedSnapshot(store, new Date(now - 3_600_000), people);
    await updatePersonState(store, "u4", new Date(now - 60_000), { confirmed_registered_at: new Date(now - 60_000).toISOString() });
  });
  afterEach(async () => store?.close());

  it("counts who is in scope, registered by the report or a live check, and excluded by cause", async () => {
    expect(await summarizeCampaign(store, policy, now)).toMatchObject({
      requirement: "mfa",
      accounts: 6,
      inScope: 4,
      registered: 3,
      notRegistered: 1,
      percentRegistered: 75,
      excluded: 2,
      excludedBy: { named: 1, group: 1, guest: 0, disabled: 0 },
      notInPhase: 0,
      phases: [
        { name: "Pilot", members: 2, registered: 1, deadline: "2026-12-01", deadlineDaysAfterFirstReminder: null },
        { name: "Admins", members: 0, registered: 0, deadline: "2026-12-08", deadlineDaysAfterFirstReminder: null },
        { name: "Everyone", members: 2, registered: 2, deadline: null, deadlineDaysAfterFirstReminder: 14 },
      ],
      departments: { Engineering: { members: 2, registered: 1 }, Sales: { members: 2, registered: 2 } },
    });
  });

  it("lists who is still pending: Ada alone, 28 days before the pilot's deadline", async () => {
    const pending = await findPending(store, policy, now);
    expect(pending.map((p) => [p.person.id, p.phase, p.deadline, p.daysLeft, p.reminders])).toEqual([["u1", "Pilot", "2026-12-01", 28, 0]]);
    expect(await findPending(store, policy, now, (p) => p.department === "Sales")).toEqual([]);
  });

  it("has no figures before the first sync", async () => {
    const empty = await target.open();
    try {
      expect(await summarizeCampaign(empty, policy, now)).toBeUndefined();
      expect(await findPending(empty, policy, now)).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
