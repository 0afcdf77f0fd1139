import { beforeEach, expect, it } from "vitest";
import { describeEachStore } from "../support/test-stores.js";
import { reminderFor, useCardPressWorld, WARN } from "./card-press-world.js";

// The message texts, read from cards/strings/<language>.json.
const outdated = {
  en: "This card is no longer current. Your latest reminder has the up-to-date buttons.",
  fr: "Cette carte n'est plus à jour. Votre dernier rappel contient les boutons à jour.",
};
const notYours = {
  en: "This card was sent to someone else, so only they can use its buttons.",
  de: "Diese Karte wurde an jemand anderen gesendet, daher kann nur diese Person ihre Schaltflächen verwenden.",
};
const digestOutdatedNl = "Dit overzicht is niet meer actueel. Het nieuwste heeft een actuele knop.";

describeEachStore("who may press a card's buttons", (target) => {
  const world = useCardPressWorld(target);
  let reminderId: string;
  beforeEach(async () => {
    reminderId = await world.sendReminder("u1", reminderFor("Ada"));
  });

  it("refuses Alan pressing Ada's reminder in his own language, audits it as a user's act and logs a warning", async () => {
    expect(await world.press("snooze", { outboxId: reminderId, userId: "u1" }, "u2", "de-DE")).toEqual({ message: notYours.de });
    expect(await world.audit()).toEqual([
      {
        actor_kind: "user",
        actor_id: "u2",
        action: "card.refused",
        subject_id: "u1",
        detail: JSON.stringify({ verb: "snooze", outboxId: reminderId }),
      },
    ]);
    expect(world.logs).toEqual([
      { level: WARN, actor: "u2", outboxId: reminderId, verb: "snooze", msg: "card action refused: not the recipient" },
    ]);
    // A refused press is no answer of Ada's.
    expect(await world.state("u1")).toBeUndefined();
  });

  it("refuses a press whose presser Teams did not name, without an actor in the audit", async () => {
    expect(await world.press("help", { outboxId: reminderId, userId: "u1" }, undefined)).toEqual({ message: notYours.en });
    expect(await world.audit()).toEqual([
      {
        actor_kind: "user",
        actor_id: null,
        action: "card.refused",
        subject_id: "u1",
        detail: JSON.stringify({ verb: "help", outboxId: reminderId }),
      },
    ]);
    expect(world.notices).toEqual([]);
  });

  it("reads the message's id only from button data that is an object with a string id", async () => {
    const shapes: unknown[] = [
      null,
      undefined,
      "outboxId",
      42,
      [reminderId],
      {},
      { userId: "u1" },
      { outboxId: 42, userId: "u1" },
      // Data another app or a hostile client could post: never handed to the store as an id.
      { outboxId: { id: reminderId }, userId: "u1" },
      { outboxId: true, userId: "u1" },
    ];
    for (const data of shapes) expect(await world.press("snooze", data, "u1")).toEqual({ message: outdated.en });
    expect(await world.audit()).toEqual([]);
    expect(await world.state("u1")).toBeUndefined();
  });

  it("answers a card it no longer knows in the presser's language", async () => {
    expect(await world.press("done", { outboxId: "gone", userId: "u1" }, "u1", "fr-FR")).toEqual({ message: outdated.fr });
    expect(await world.press("remindTeam", { digestId: "gone", managerId: "m1" }, "m1", "nl-NL")).toEqual({ message: digestOutdatedNl });
    expect(world.liveChecks).toEqual([]);
  });
});
