import { beforeEach, expect, it } from "vitest";
import type { AdaptiveCard } from "../../src/cards/adaptive-card.js";
import { cardContextFor } from "../../src/cards/card-context.js";
import { renderCard } from "../../src/cards/render-card.js";
import { visibleText } from "../cards/card-nodes.js";
import { describeEachStore } from "../support/test-stores.js";
import { policy, reminderFor, useCardPressWorld } from "./card-press-world.js";

const context = cardContextFor(policy, "en-GB", undefined);

describeEachStore("Remind me later", (target) => {
  const world = useCardPressWorld(target);
  let adaCard: string;
  let ids: { outboxId: string; userId: string };
  beforeEach(async () => {
    adaCard = await world.sendReminder("u1", reminderFor("Ada"));
    ids = { outboxId: adaCard, userId: "u1" };
  });
  const snooze = (locale?: string) => world.press("snooze", { outboxId: adaCard, userId: "u1" }, "u1", locale);
  const snoozed = (until: string, snoozesLeft: number, over = context) =>
    renderCard("snoozed", { until, snoozesLeft, refused: false, deadline: "2026-12-01", ...ids }, over);

  it("answers in the language of the Teams the button was pressed in, else the one the reminder was written in", async () => {
    expect(await snooze("de-DE")).toEqual({ card: snoozed("2026-11-05T11:00:00.000Z", 2, cardContextFor(policy, "de", undefined)) });
    const frenchCard = await world.sendReminder("u2", reminderFor("Alan", { preferredLanguage: "fr-FR" }));
    // "xx" is no language the cards are written in, so the reminder's own decides.
    expect(await world.press("snooze", { outboxId: frenchCard, userId: "u2" }, "u2", "xx")).toEqual({
      card: renderCard(
        "snoozed",
        { until: "2026-11-05T11:00:00.000Z", snoozesLeft: 2, refused: false, deadline: "2026-12-01", outboxId: frenchCard, userId: "u2" },
        cardContextFor(policy, "fr", undefined),
      ),
    });
  });

  it("does not let a snooze hide the deadline: on the Monday before, it ends when Tuesday's reminder hours open", async () => {
    // Monday 30 November, 11:00 in London: two days later would be Wednesday, past Tuesday's deadline.
    world.now = Date.parse("2026-11-30T11:00:00Z");
    expect(await snooze()).toEqual({ card: snoozed("2026-12-01T10:00:00.000Z", 2) });
    expect((await world.state("u1"))?.snoozed_until).toBe("2026-12-01T10:00:00.000Z");
  });

  it("ends such a snooze when the reminder hours open on Ada's own clock, and says so in her time", async () => {
    await world.setState("u1", { time_zone: "America/New_York" });
    // Monday 30 November, 11:00 in New York (16:00 UTC); Tuesday's hours open at 10:00 there, 15:00 UTC.
    world.now = Date.parse("2026-11-30T16:00:00Z");
    const answer = (await snooze()) as { card: AdaptiveCard };
    expect(answer).toEqual({ card: snoozed("2026-12-01T15:00:00.000Z", 2, cardContextFor(policy, "en-GB", "America/New_York")) });
    expect(visibleText(answer.card)).toContain("I'll remind you again on Tuesday 1 December at 10:00.");
  });

  it("gives the full two days on the deadline day itself: nothing later is left to protect", async () => {
    world.now = Date.parse("2026-12-01T11:00:00Z");
    expect(await snooze()).toEqual({ card: snoozed("2026-12-03T11:00:00.000Z", 2) });
  });

  it("grants the third snooze as the last one, and refuses a fourth without touching the snooze", async () => {
    await world.setState("u1", { snooze_count: 2, snoozed_until: "2026-11-02T11:00:00.000Z" });
    expect(await snooze()).toEqual({ card: snoozed("2026-11-05T11:00:00.000Z", 0) });
    world.now += 3 * 86_400_000;
    const refused = { until: "2026-11-06T11:00:00.000Z", snoozesLeft: 0, refused: true, deadline: "2026-12-01", ...ids };
    expect(await snooze()).toEqual({ card: renderCard("snoozed", refused, context) });
    const state = await world.state("u1");
    expect([state?.snooze_count, state?.snoozed_until, state?.last_answer_at]).toEqual([
      3,
      "2026-11-05T11:00:00.000Z",
      "2026-11-06T11:00:00.000Z",
    ]);
    expect(await world.audit()).toEqual([
      {
        actor_kind: "user",
        actor_id: "u1",
        action: "person.snoozed",
        subject_id: "u1",
        detail: JSON.stringify({ until: "2026-11-05T11:00:00.000Z" }),
      },
      { actor_kind: "user", actor_id: "u1", action: "person.snoozeRefused", subject_id: "u1", detail: null },
    ]);
  });
});
