import { afterEach, beforeEach, expect, it } from "vitest";
import type { UserCard } from "../../src/cards/card-data.js";
import { renderCard } from "../../src/cards/render-card.js";
import type { CommandContext } from "../../src/chatops/command-context.js";
import { userCommand } from "../../src/chatops/user-command.js";
import type { Store } from "../../src/store/open-store.js";
import { updatePersonState } from "../../src/store/people-state.js";
import { examplePolicy, pilotGroup } from "../campaign/campaign-fixture.js";
import { seedSnapshot } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";
import { commandContext, insertAudit, insertMessage, now, textOf } from "./command-scenario.js";

/*
 * Ada is in the Pilot (fixed deadline 1 December 2026: 28 days after today, 3 November), her
 * manager Grace has registered the app, Augusta is in the Everyone phase (deadline 14 days after
 * her first reminder, so 17 November if it were today) with a manager who has left, and the
 * break-glass account is excluded by name.
 */
const people = [
  { id: "u1", displayName: "Ada Lovelace", givenName: "Ada", department: "Engineering", managerId: "m1", groups: [pilotGroup] },
  { id: "m1", displayName: "Grace Hopper", givenName: "Grace", department: "IT", methods: ["microsoftAuthenticatorPush"] },
  { id: "u2", displayName: "Augusta Ada King", givenName: "Augusta", department: "Engineering", managerId: "gone" },
  { id: "x1", displayName: "Emergency Access", givenName: "Admin-Emergency-01" },
];

/** A user card as an admin reads it: most facts as for Ada, the rest as given. */
const card = (over: Partial<UserCard>): UserCard => ({
  displayName: "Ada Lovelace",
  userPrincipalName: "ada@contoso.com",
  department: "Engineering",
  managerName: "Grace Hopper",
  registered: false,
  methodsRegistered: [],
  excludedBecause: null,
  phase: "Pilot",
  deadline: "2026-12-01",
  daysLeft: 28,
  unreachable: null,
  events: [],
  ...over,
});

describeEachStore("/mfa user", (target) => {
  let store: Store;
  let context: CommandContext;

  beforeEach(async () => {
    store = await target.open();
    await seedSnapshot(store, new Date(now - 3_600_000), people);
    context = commandContext(store).context;
  });
  afterEach(async () => store?.close());

  const user = (args: string, over: Partial<CommandContext> = {}) => userCommand(args, { ...context, ...over });
  const expectCard = async (args: string, expected: UserCard, over: Partial<CommandContext> = {}) =>
    expect(await user(args, over)).toEqual({ kind: "card", card: renderCard("user", expected, context.card) });

  it("shows one person by address: state, manager, phase, deadline with days left, and every reminder and action", async () => {
    await insertMessage(store, {
      kind: "reminder",
      userId: "u1",
      phase: "Pilot",
      step: "d-28",
      status: "sent",
      createdAt: "2026-10-27T10:00:00.000Z",
      sentAt: "2026-10-27T10:00:05.000Z",
    });
    await insertAudit(store, "u1", "person.snoozed", "2026-10-28T09:15:00.000Z");
    await insertMessage(store, {
      kind: "escalation",
      userId: "u1",
      phase: "Pilot",
      step: "escalation",
      status: "sent",
      createdAt: "2026-10-29T10:00:00.000Z",
      sentAt: "2026-10-29T10:01:00.000Z",
    });
    await insertMessage(store, {
      kind: "reminder",
      userId: "u1",
      phase: "Pilot",
      step: "d-21",
      status: "failed",
      createdAt: "2026-10-30T10:00:00.000Z",
    });
    await insertAudit(store, "u1", "person.somethingNew", "2026-10-31T08:00:00.000Z");
    await insertMessage(store, {
      kind: "reminder",
      userId: "u1",
      phase: "Pilot",
      step: "manual-2026-11-03",
      status: "pending",
      createdAt: "2026-11-03T11:00:00.000Z",
    });
    await expectCard(
      "ADA@contoso.com",
      card({
        events: [
          { at: "2026-10-27T10:00:05.000Z", what: "Reminder d-28: sent" },
          { at: "2026-10-28T09:15:00.000Z", what: "Pressed Remind me later" },
          { at: "2026-10-29T10:01:00.000Z", what: "Manager told (sent)" },
          { at: "2026-10-30T10:00:00.000Z", what: "Reminder d-21: failed" },
          { at: "2026-10-31T08:00:00.000Z", what: "person.somethingNew" },
          { at: "2026-11-03T11:00:00.000Z", what: "Reminder manual-2026-11-03: queued" },
        ],
      }),
    );
  });

  it("finds one person by part of their name, and says when Teams refuses them and why", async () => {
    await updatePersonState(store, "u2", new Date(now), {
      unreachable_until: "2026-11-05T00:00:00.000Z",
      unreachable_code: "ConversationBlockedByUser",
    });
    await expectCard(
      "augusta",
      card({
        displayName: "Augusta Ada King",
        userPrincipalName: "augusta@contoso.com",
        managerName: null,
        phase: "Everyone",
        deadline: "2026-11-17",
        daysLeft: 14,
        unreachable: { code: "ConversationBlockedByUser" },
      }),
    );
  });

  it("counts Teams' refusal only until it runs out, and words one without a code as unknown", async () => {
    await updatePersonState(store, "u2", new Date(now), { unreachable_until: new Date(now).toISOString(), unreachable_code: "Forbidden" });
    const augusta = { displayName: "Augusta Ada King", userPrincipalName: "augusta@contoso.com", managerName: null, phase: "Everyone" };
    await expectCard("u2", card({ ...augusta, deadline: "2026-11-17", daysLeft: 14 }));
    await updatePersonState(store, "u2", new Date(now), { unreachable_until: new Date(now + 1).toISOString(), unreachable_code: null });
    await expectCard("u2", card({ ...augusta, deadline: "2026-11-17", daysLeft: 14, unreachable: { code: null } }));
  });

  it("shows someone registered with their methods and the deadline their phase gave them", async () => {
    await store.db
      .insertInto("phase_deadlines")
      .values({ user_id: "m1", phase: "Everyone", deadline: "2026-10-20", set_at: "2026-10-06T10:00:00.000Z" })
      .execute();
    await expectCard(
      "grace@contoso.com",
      card({
        displayName: "Grace Hopper",
        userPrincipalName: "grace@contoso.com",
        department: "IT",
        managerName: null,
        registered: true,
        methodsRegistered: ["microsoftAuthenticatorPush"],
        phase: "Everyone",
        deadline: "2026-10-20",
        daysLeft: -14,
      }),
    );
  });

  it("says why someone is excluded, with no deadline", async () => {
    await expectCard(
      "admin-emergency-01@contoso.com",
      card({
        displayName: "Emergency Access",
        userPrincipalName: "admin-emergency-01@contoso.com",
        department: null,
        managerName: null,
        excludedBecause: "excluded by name (exclude.users)",
        phase: "Everyone",
        deadline: null,
        daysLeft: null,
      }),
    );
  });

  it("shows someone in no phase as such, and a person the directory gives no name by their address", async () => {
    const pilotOnly = examplePolicy({ phases: [{ name: "Pilot", members: { groups: [pilotGroup] }, deadline: "2026-12-01" }] });
    await store.db.updateTable("directory_users").set({ display_name: null }).where("id", "=", "u2").execute();
    await expectCard(
      "augusta@contoso.com",
      card({
        displayName: "augusta@contoso.com",
        userPrincipalName: "augusta@contoso.com",
        managerName: null,
        phase: null,
        deadline: null,
        daysLeft: null,
      }),
      { policy: pilotOnly },
    );
  });

  it("words every action the audit log records about someone", async () => {
    const actions: [string, string][] = [
      ["person.snoozed", "Pressed Remind me later"],
      ["person.snoozeRefused", "Asked to snooze again; no snoozes left"],
      ["person.askedForHelp", "Pressed I need help"],
      ["person.noSmartphone", "Pressed No smartphone?"],
      ["person.claimedDone", "Pressed I've done it; nothing sufficient registered yet"],
      ["person.confirmedRegistered", "Pressed I've done it; registration confirmed"],
      ["person.unreachable", "Teams refused delivery"],
      ["app.installed", "Bot installed for them through Graph"],
      ["card.refused", "Someone else tried to use their card (refused)"],
      ["admin.remind", "An admin asked for a reminder"],
    ];
    const at = (i: number) => `2026-10-${String(10 + i).padStart(2, "0")}T09:00:00.000Z`;
    for (const [i, [action]] of actions.entries()) await insertAudit(store, "u1", action, at(i));
    await expectCard("u1", card({ events: actions.map(([, what], i) => ({ at: at(i), what })) }));
  });

  it("lists everyone a name matches, and says so when nobody matches", async () => {
    expect(textOf(await user("ada"))).toBe(
      "More than one person matches 'ada': Ada Lovelace (ada@contoso.com), Augusta Ada King (augusta@contoso.com). " +
        "Please use their email address.",
    );
    expect(textOf(await user("nobody@contoso.com"))).toBe(
      "I couldn't find anyone matching 'nobody@contoso.com'. Try their full email address.",
    );
  });

  it("explains itself when no one is named, or before the first directory sync", async () => {
    const usage = "Type mfa user followed by a name or email address, for example mfa user anna.schmidt@contoso.com.";
    expect(textOf(await user(""))).toBe(usage);
    const empty = await target.open();
    try {
      expect(textOf(await userCommand("ada@contoso.com", { ...context, store: empty }))).toBe(usage);
    } finally {
      await empty.close();
    }
  });
});
