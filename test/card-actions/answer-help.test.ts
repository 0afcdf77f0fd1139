import { expect, it } from "vitest";
import { cardContextFor } from "../../src/cards/card-context.js";
import type { HelpdeskNoticeCard } from "../../src/cards/card-data.js";
import { renderCard } from "../../src/cards/render-card.js";
import { describeEachStore } from "../support/test-stores.js";
import { ERROR, policy, reminderFor, useCardPressWorld, type CardPressWorld } from "./card-press-world.js";

const context = cardContextFor(policy, "en-GB", undefined);
/** The helpdesk's channel reads the campaign's language and zone. */
const channel = cardContextFor(policy, "en", policy.timeZone);
const notice = (card: HelpdeskNoticeCard) => renderCard("helpdeskNotice", card, channel);

async function askForHelp(world: CardPressWorld, userId: string, payload = reminderFor("Ada"), locale?: string) {
  const outboxId = await world.sendReminder(userId, payload);
  return world.press("help", { outboxId, userId }, userId, locale);
}

describeEachStore("I need help", (target) => {
  const world = useCardPressWorld(target);

  it("tells the helpdesk who Ada is, her deadline and what she has, and tells her help is on the way", async () => {
    expect(await askForHelp(world, "u1")).toEqual({ card: renderCard("helpRequested", {}, context) });
    expect(world.notices).toEqual([
      notice({
        person: { id: "u1", displayName: "Ada Lovelace", userPrincipalName: "ada@contoso.com", department: "Engineering" },
        deadline: "2026-12-01",
        daysLeft: 28,
        methodsRegistered: [],
        requestedAt: "2026-11-03T11:00:00.000Z",
      }),
    ]);
    expect(await world.audit()).toEqual([
      { actor_kind: "user", actor_id: "u1", action: "person.askedForHelp", subject_id: "u1", detail: null },
    ]);
    expect((await world.state("u1"))?.last_answer_at).toBe("2026-11-03T11:00:00.000Z");
  });

  it("gives the helpdesk the report's methods, not the older ones the reminder was written with", async () => {
    await askForHelp(world, "u4", reminderFor("Edsger"));
    expect(world.notices).toEqual([
      notice({
        person: { id: "u4", displayName: "Edsger Dijkstra", userPrincipalName: "edsger@contoso.com" },
        deadline: "2026-12-01",
        daysLeft: 28,
        methodsRegistered: ["email"],
        requestedAt: "2026-11-03T11:00:00.000Z",
      }),
    ]);
  });

  it("describes a new hire the report does not list yet from the reminder itself", async () => {
    await askForHelp(world, "u9", reminderFor("Niklaus", { methodsRegistered: ["mobilePhone"] }));
    expect(world.notices).toEqual([
      notice({
        person: { id: "u9", displayName: "Niklaus", userPrincipalName: "u9" },
        deadline: "2026-12-01",
        daysLeft: 28,
        methodsRegistered: ["mobilePhone"],
        requestedAt: "2026-11-03T11:00:00.000Z",
      }),
    ]);
  });

  it("counts the days left on Ada's clock: already the deadline day in Auckland", async () => {
    await world.setState("u1", { time_zone: "Pacific/Auckland" });
    // Monday 30 November, 12:00 UTC, is 01:00 on Tuesday 1 December in Auckland (UTC+13).
    world.now = Date.parse("2026-11-30T12:00:00Z");
    expect(await askForHelp(world, "u1")).toEqual({
      card: renderCard("helpRequested", {}, cardContextFor(policy, "en-GB", "Pacific/Auckland")),
    });
    expect(world.notices).toEqual([
      notice({
        person: { id: "u1", displayName: "Ada Lovelace", userPrincipalName: "ada@contoso.com", department: "Engineering" },
        deadline: "2026-12-01",
        daysLeft: 0,
        methodsRegistered: [],
        requestedAt: "2026-11-30T12:00:00.000Z",
      }),
    ]);
  });

  it("still tells Ada, in her Teams' language, when posting to the helpdesk fails, and logs the failure", async () => {
    world.deps = { ...world.deps, notifyHelpdesk: () => Promise.reject(new Error("channel archived")) };
    expect(await askForHelp(world, "u1", reminderFor("Ada"), "es-ES")).toEqual({
      card: renderCard("helpRequested", {}, cardContextFor(policy, "es", undefined)),
    });
    expect(world.logs.map((l) => [l.level, l.msg, l.userId, (l.err as { message?: string } | undefined)?.message])).toEqual([
      [ERROR, "could not post to the helpdesk channel", "u1", "channel archived"],
    ]);
    expect((await world.audit()).map((a) => a.action)).toEqual(["person.askedForHelp"]);
  });

  it("only records the request when the helpdesk has no channel", async () => {
    world.deps = { ...world.deps, notifyHelpdesk: undefined };
    expect(await askForHelp(world, "u1")).toEqual({ card: renderCard("helpRequested", {}, context) });
    expect(world.logs).toEqual([]);
    expect((await world.audit()).map((a) => a.action)).toEqual(["person.askedForHelp"]);
  });
});

describeEachStore("I need help before any sync has completed", (target) => {
  const world = useCardPressWorld(target, []);

  it("describes Ada from the reminder", async () => {
    await askForHelp(world, "u1");
    expect(world.notices).toEqual([
      notice({
        person: { id: "u1", displayName: "Ada", userPrincipalName: "u1" },
        deadline: "2026-12-01",
        daysLeft: 28,
        methodsRegistered: [],
        requestedAt: "2026-11-03T11:00:00.000Z",
      }),
    ]);
  });
});

describeEachStore("No smartphone?", (target) => {
  const world = useCardPressWorld(target);

  it("shows Ada the other ways to register, and counts the press as her answer", async () => {
    const outboxId = await world.sendReminder("u1", reminderFor("Ada"));
    expect(await world.press("noSmartphone", { outboxId, userId: "u1" }, "u1")).toEqual({
      card: renderCard("noSmartphone", { outboxId, userId: "u1" }, context),
    });
    expect(await world.audit()).toEqual([
      { actor_kind: "user", actor_id: "u1", action: "person.noSmartphone", subject_id: "u1", detail: null },
    ]);
    expect((await world.state("u1"))?.last_answer_at).toBe("2026-11-03T11:00:00.000Z");
  });
});
