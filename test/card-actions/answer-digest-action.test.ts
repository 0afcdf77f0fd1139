import { expect, it } from "vitest";
import { cardContextFor } from "../../src/cards/card-context.js";
import { renderCard } from "../../src/cards/render-card.js";
import type { OutboxPayload } from "../../src/delivery/outbox-payload.js";
import { setPaused } from "../../src/store/app-state.js";
import { queueMessages } from "../../src/store/outbox.js";
import { upnOf, type SeedPerson } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";
import { ada, alan, grace, policy, tuesday3Nov, useCardPressWorld, type CardPressWorld } from "./card-press-world.js";

const english = cardContextFor(policy, "en", undefined);
/** Someone who has left since the digest went out: the current snapshot no longer lists them. */
const leaver = { id: "u8", displayName: "Charles Babbage", givenName: "Charles" };

/** Grace's weekly digest, listing these people, sent yesterday. */
async function sendDigest(world: CardPressWorld, people: readonly Pick<SeedPerson, "id" | "displayName" | "givenName">[]) {
  const digest: OutboxPayload = {
    card: "digest",
    managerFirstName: "Grace",
    preferredLanguage: null,
    reports: people.map((p) => ({
      personId: p.id,
      displayName: p.displayName,
      userPrincipalName: upnOf(p),
      phase: "Pilot",
      deadline: "2026-12-01",
      reminders: 1,
    })),
    team: { members: 3, registered: 0 },
    organisation: { members: 5, registered: 2 },
  };
  const [digestId = ""] = await queueMessages(
    world.store,
    [{ kind: "digest", userId: "m1", recipientId: "m1", phase: null, step: null, payload: digest, dedupeKey: "digest:m1:2026-W45" }],
    new Date(tuesday3Nov - 86_400_000),
  );
  return (locale?: string) => world.press("remindTeam", { digestId, managerId: "m1" }, "m1", locale);
}

describeEachStore("Remind them now", (target) => {
  const world = useCardPressWorld(target);

  it("reminds only whom the rules allow: Alan yes, Ada not while snoozed, nobody for someone who has left", async () => {
    await world.setState("u1", { snoozed_until: "2026-11-04T11:00:00.000Z", snooze_count: 1 });
    const remindTeam = await sendDigest(world, [ada, alan, leaver]);
    expect(await remindTeam()).toEqual({ card: renderCard("digestReminded", { reminded: 1, skipped: 2 }, english) });
    expect(await world.outbox("u2")).toEqual([{ kind: "reminder", step: "manual-2026-11-03", status: "pending", last_error: null }]);
    expect(await world.outbox("u1")).toEqual([]);
    expect(await world.outbox("u8")).toEqual([]);
    expect(world.delivered).toBe(1);
    expect(await world.audit()).toEqual([
      {
        actor_kind: "user",
        actor_id: "m1",
        action: "manager.remindedTeam",
        subject_id: null,
        detail: JSON.stringify({ reminded: 1, listed: 3 }),
      },
    ]);
  });

  it("reminds nobody while an admin has paused the campaign, and sends nothing", async () => {
    await setPaused(world.store, true, "admin-1", new Date(tuesday3Nov - 3_600_000));
    const remindTeam = await sendDigest(world, [ada, alan]);
    expect(await remindTeam()).toEqual({ card: renderCard("digestReminded", { reminded: 0, skipped: 2 }, english) });
    expect([await world.outbox("u1"), await world.outbox("u2"), world.delivered]).toEqual([[], [], 0]);
    expect((await world.audit()).map((a) => a.detail)).toEqual([JSON.stringify({ reminded: 0, listed: 2 })]);
  });

  it("answers in the language of the Teams the button was pressed in", async () => {
    const remindTeam = await sendDigest(world, [alan]);
    expect(await remindTeam("de-DE")).toEqual({
      card: renderCard("digestReminded", { reminded: 1, skipped: 0 }, cardContextFor(policy, "de", undefined)),
    });
  });
});

describeEachStore("Remind them now, for a manager whose Teams locale is not known", (target) => {
  const world = useCardPressWorld(target, [ada, alan, { ...grace, preferredLanguage: "fr-FR" }]);

  it("answers in the manager's own preferred language", async () => {
    const remindTeam = await sendDigest(world, [alan]);
    expect(await remindTeam()).toEqual({
      card: renderCard("digestReminded", { reminded: 1, skipped: 0 }, cardContextFor(policy, "fr", undefined)),
    });
  });
});

describeEachStore("Remind them now before any sync has completed", (target) => {
  const world = useCardPressWorld(target, []);

  it("reminds nobody, since nobody is known yet, and says so in English", async () => {
    const remindTeam = await sendDigest(world, [ada, alan]);
    expect(await remindTeam()).toEqual({ card: renderCard("digestReminded", { reminded: 0, skipped: 2 }, english) });
    expect(world.delivered).toBe(0);
  });
});
