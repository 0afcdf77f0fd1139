import { beforeEach, expect, it, vi } from "vitest";
import type { AdaptiveCard } from "../../src/cards/adaptive-card.js";
import { cardContextFor } from "../../src/cards/card-context.js";
import { renderCard } from "../../src/cards/render-card.js";
import type { OutboxPayload } from "../../src/delivery/outbox-payload.js";
import type { LiveMethods } from "../../src/graph/authentication-methods.js";
import { examplePolicy } from "../campaign/campaign-fixture.js";
import { actionsOf, visibleText } from "../cards/card-nodes.js";
import { describeEachStore } from "../support/test-stores.js";
import { policy, reminderFor, useCardPressWorld, WARN, type CardPressWorld } from "./card-press-world.js";

const context = cardContextFor(policy, "en-GB", undefined);
const push = "microsoftAuthenticatorPush";

interface Replaced {
  readonly message: { userId: string; conversationId: string; activityId: string };
  readonly card: AdaptiveCard;
}

/** The card's message in Ada's chat, as the delivery recorded it. */
async function deliveredTo(world: CardPressWorld, id: string, conversationId: string | null, activityId: string | null) {
  await world.store.db
    .updateTable("outbox")
    .set({ conversation_id: conversationId, activity_id: activityId })
    .where("id", "=", id)
    .execute();
}

/** Answers "after the button is answered" only when the test runs them, and records every card replaced. */
function deferred(world: CardPressWorld, options: { replace?: boolean; budgetMs?: number } = {}) {
  const works: (() => Promise<void>)[] = [];
  const replaced: Replaced[] = [];
  world.deps = {
    ...world.deps,
    later: (work) => void works.push(work),
    ...(options.replace === false ? {} : { replaceCard: (message, card) => (replaced.push({ message, card }), Promise.resolve()) }),
    ...(options.budgetMs === undefined ? {} : { liveCheckBudgetMs: options.budgetMs }),
  };
  return { works, replaced, runLater: () => Promise.all(works.map((work) => work())) };
}

const failingGraph = () => Promise.reject(new Error("Graph said 503"));

describeEachStore("I've done it", (target) => {
  const world = useCardPressWorld(target);
  let adaCard: string;
  let ids: { outboxId: string; userId: string };
  beforeEach(async () => {
    adaCard = await world.sendReminder("u1", reminderFor("Ada"));
    ids = { outboxId: adaCard, userId: "u1" };
  });
  const pressDone = (userId: string, outboxId: string) => world.press("done", { outboxId, userId }, userId);

  it("thanks Ada when Graph finds the app, then replaces the card in her chat once the answer is out", async () => {
    await deliveredTo(world, adaCard, "a:chat-ada", "1:activity-7");
    world.liveMethods.set("u1", { methods: [push], unknownTypes: [] });
    const { replaced, runLater, works } = deferred(world);
    const thankYou = renderCard("thankYou", { firstName: "Ada", methodsRegistered: [push] }, context);
    expect(await pressDone("u1", adaCard)).toEqual({ card: thankYou });
    expect(replaced).toEqual([]);
    expect(works).toHaveLength(1);
    await runLater();
    expect(replaced).toEqual([{ message: { userId: "u1", conversationId: "a:chat-ada", activityId: "1:activity-7" }, card: thankYou }]);
    expect(await world.audit()).toEqual([
      {
        actor_kind: "user",
        actor_id: "u1",
        action: "person.confirmedRegistered",
        subject_id: "u1",
        detail: JSON.stringify({ methods: [push], source: "live" }),
      },
    ]);
  });

  it("replaces the card only where Teams gave both its chat and its message id, and only with a way to replace it", async () => {
    world.liveMethods.set("u1", { methods: [push], unknownTypes: [] });
    for (const [conversationId, activityId] of [
      ["a:chat-ada", null],
      [null, "1:activity-7"],
    ] as const) {
      await deliveredTo(world, adaCard, conversationId, activityId);
      const { replaced, runLater, works } = deferred(world);
      await pressDone("u1", adaCard);
      expect(works).toHaveLength(1);
      await runLater();
      expect(replaced).toEqual([]);
    }
    await deliveredTo(world, adaCard, "a:chat-ada", "1:activity-7");
    const { runLater, works } = deferred(world, { replace: false });
    await pressDone("u1", adaCard);
    expect(works).toHaveLength(1);
    await expect(runLater()).resolves.toEqual([undefined]);
  });

  it("lists what the report adds to a live finding, each method once", async () => {
    // Barbara's report row lists the app and a phone; Graph finds a security key and the app.
    const barbaraCard = await world.sendReminder("u3", reminderFor("Barbara"));
    world.liveMethods.set("u3", { methods: ["fido2SecurityKey", push], unknownTypes: [] });
    const methods = ["fido2SecurityKey", push, "mobilePhone"];
    expect(await pressDone("u3", barbaraCard)).toEqual({
      card: renderCard("thankYou", { firstName: "Barbara", methodsRegistered: methods }, context),
    });
    expect((await world.audit()).map((a) => a.detail)).toEqual([JSON.stringify({ methods, source: "live" })]);
  });

  it("leaves out what a report that is not enough lists: Edsger's email address", async () => {
    const edsgerCard = await world.sendReminder("u4", reminderFor("Edsger"));
    world.liveMethods.set("u4", { methods: [push], unknownTypes: [] });
    expect(await pressDone("u4", edsgerCard)).toEqual({
      card: renderCard("thankYou", { firstName: "Edsger", methodsRegistered: [push] }, context),
    });
    expect((await world.audit()).map((a) => a.detail)).toEqual([JSON.stringify({ methods: [push], source: "live" })]);
  });

  it("takes the report's word when Graph fails, logs the failure and cancels what is still queued", async () => {
    const barbaraCard = await world.sendReminder("u3", reminderFor("Barbara"));
    await world.sendReminder("u3", reminderFor("Barbara", { kind: "upcoming" }), "d14");
    await world.store.db.updateTable("outbox").set({ status: "pending", sent_at: null }).where("step", "=", "d14").execute();
    world.deps = { ...world.deps, liveMethods: failingGraph };
    const methods = [push, "mobilePhone"];
    expect(await pressDone("u3", barbaraCard)).toEqual({
      card: renderCard("thankYou", { firstName: "Barbara", methodsRegistered: methods }, context),
    });
    expect(world.logs.map((l) => [l.level, l.msg, l.userId, (l.err as { message?: string } | undefined)?.message])).toEqual([
      [WARN, "live check of registration failed; falling back to the report", "u3", "Graph said 503"],
    ]);
    expect(await world.outbox("u3")).toEqual([
      { kind: "reminder", step: "d28", status: "sent", last_error: null },
      { kind: "reminder", step: "d14", status: "cancelled", last_error: "registered" },
    ]);
    expect((await world.state("u3"))?.confirmed_registered_at).toBe("2026-11-03T11:00:00.000Z");
    expect((await world.audit()).map((a) => [a.action, a.detail])).toEqual([
      ["person.confirmedRegistered", JSON.stringify({ methods, source: "report" })],
    ]);
  });

  it("says it will check later when Graph fails and the report does not show Ada registered", async () => {
    world.deps = { ...world.deps, liveMethods: failingGraph };
    const { works } = deferred(world);
    await deliveredTo(world, adaCard, "a:chat-ada", "1:activity-7");
    expect(await pressDone("u1", adaCard)).toEqual({ card: renderCard("checking", { state: "later", firstName: "Ada", ...ids }, context) });
    expect(works).toEqual([]);
    expect(await world.audit()).toEqual([
      { actor_kind: "user", actor_id: "u1", action: "person.checkFailed", subject_id: "u1", detail: "{}" },
    ]);
    expect((await world.state("u1"))?.confirmed_registered_at).toBeNull();
    expect(await world.outbox("u1")).toEqual([{ kind: "reminder", step: "d28", status: "sent", last_error: null }]);
  });

  it("says it will check later for a new hire the report does not list yet", async () => {
    const newHireCard = await world.sendReminder("u9", reminderFor("Niklaus"));
    world.deps = { ...world.deps, liveMethods: failingGraph };
    expect(await pressDone("u9", newHireCard)).toEqual({
      card: renderCard("checking", { state: "later", firstName: "Niklaus", outboxId: newHireCard, userId: "u9" }, context),
    });
  });

  it("shows Ada what Graph found when it is not enough, with the reminder's own step and her snoozes", async () => {
    world.liveMethods.set("u1", { methods: ["email"], unknownTypes: [] });
    const { works } = deferred(world);
    await deliveredTo(world, adaCard, "a:chat-ada", "1:activity-7");
    const stillMissing = {
      ...(reminderFor("Ada") as Extract<OutboxPayload, { card: "reminder" }>),
      methodsRegistered: ["email"],
      methodsFound: ["email"],
      // Four weeks from Tuesday 3 November to Tuesday 1 December.
      daysLeft: 28,
      snoozeAvailable: true,
      hardwareTokenNote: true,
      ...ids,
    };
    expect(await pressDone("u1", adaCard)).toEqual({ card: renderCard("stillMissing", stillMissing, context) });
    expect(works).toEqual([]);
    expect(await world.audit()).toEqual([
      {
        actor_kind: "user",
        actor_id: "u1",
        action: "person.claimedDone",
        subject_id: "u1",
        detail: JSON.stringify({ methods: ["email"] }),
      },
    ]);
    expect((await world.state("u1"))?.confirmed_registered_at).toBeNull();
  });

  it("audits the method types Graph returned that this code does not know", async () => {
    const qr = "#microsoft.graph.qrCodePinAuthenticationMethod";
    world.liveMethods.set("u1", { methods: [], unknownTypes: [qr] });
    await pressDone("u1", adaCard);
    expect((await world.audit()).map((a) => a.detail)).toEqual([JSON.stringify({ methods: [], unknownTypes: [qr] })]);
  });

  it("offers Remind me later on the still-missing card until the third snooze is used", async () => {
    const buttons = async () => {
      const answer = (await pressDone("u1", adaCard)) as { card: AdaptiveCard };
      return actionsOf(answer.card).map((action) => action.verb ?? action.type);
    };
    await world.setState("u1", { snooze_count: 2 });
    expect(await buttons()).toEqual(["Action.OpenUrl", "done", "help", "noSmartphone", "snooze"]);
    await world.setState("u1", { snooze_count: 3 });
    expect(await buttons()).toEqual(["Action.OpenUrl", "done", "help", "noSmartphone"]);
  });

  it("calls the sign-in help card overdue after the deadline and upcoming on the deadline day", async () => {
    const signInHelp: Extract<OutboxPayload, { card: "signInHelp" }> = {
      card: "signInHelp",
      deadline: "2026-12-01",
      firstName: "Ada",
      preferredLanguage: "en-GB",
      methodsRegistered: [],
      app: "Outlook",
      at: "2026-12-01T08:12:00.000Z",
    };
    const stillMissing = (helpId: string, daysLeft: number, kind: "overdue" | "upcoming") =>
      renderCard(
        "stillMissing",
        {
          ...signInHelp,
          kind,
          methodsRegistered: [],
          methodsFound: [],
          daysLeft,
          snoozeAvailable: true,
          hardwareTokenNote: true,
          outboxId: helpId,
          userId: "u1",
        },
        context,
      );
    world.now = Date.parse("2026-12-01T11:00:00Z");
    const onTheDay = await world.sendReminder("u1", signInHelp, "signin-2026-12-01");
    expect(await pressDone("u1", onTheDay)).toEqual({ card: stillMissing(onTheDay, 0, "upcoming") });
    // Thursday 3 December: two days past the deadline.
    world.now = Date.parse("2026-12-03T11:00:00Z");
    const late = await world.sendReminder("u1", { ...signInHelp, at: "2026-12-03T08:12:00.000Z" }, "signin-2026-12-03");
    expect(await pressDone("u1", late)).toEqual({ card: stillMissing(late, -2, "overdue") });
  });

  it("tells Ada what happens now that the deadline has passed, though the reminder she pressed was sent before it", async () => {
    // Sent on Monday 30 November, the day before the deadline; pressed on Thursday 3 December.
    const upcoming = reminderFor("Ada", { kind: "upcoming" }) as Extract<OutboxPayload, { card: "reminder" }>;
    world.now = Date.parse("2026-11-30T11:00:00Z");
    const mondayCard = await world.sendReminder("u1", upcoming, "d1");
    world.now = Date.parse("2026-12-03T11:00:00Z");
    const answer = (await pressDone("u1", mondayCard)) as { card: AdaptiveCard };
    const stillMissing = {
      ...upcoming,
      kind: "overdue" as const,
      methodsRegistered: [],
      methodsFound: [],
      daysLeft: -2,
      snoozeAvailable: true,
      hardwareTokenNote: true,
      outboxId: mondayCard,
      userId: "u1",
    };
    expect(answer).toEqual({ card: renderCard("stillMissing", stillMissing, context) });
    const text = visibleText(answer.card);
    expect(text).toContain("2 days overdue");
    expect(text).toContain("Signing in now asks for a second method, so without one you will be locked out the next time you sign in.");
    expect(text).not.toContain("After the deadline, you will be asked for a second method");
  });

  it("leaves the hardware-token note off when only phishing-resistant methods count (a token is not one)", async () => {
    const strict = examplePolicy({ requirement: "phishingResistant" });
    world.deps = { ...world.deps, policy: strict };
    world.liveMethods.set("u1", { methods: [push], unknownTypes: [] });
    const stillMissing = {
      ...(reminderFor("Ada") as Extract<OutboxPayload, { card: "reminder" }>),
      methodsRegistered: [push],
      methodsFound: [push],
      daysLeft: 28,
      snoozeAvailable: true,
      hardwareTokenNote: false,
      ...ids,
    };
    expect(await pressDone("u1", adaCard)).toEqual({
      card: renderCard("stillMissing", stillMissing, cardContextFor(strict, "en-GB", undefined)),
    });
  });

  it("answers 'checking' when Graph is slower than the budget, and replaces the card with the result", async () => {
    await deliveredTo(world, adaCard, "a:chat-ada", "1:activity-7");
    let answerGraph: (found: LiveMethods) => void = () => undefined;
    world.deps = { ...world.deps, liveMethods: () => new Promise((resolve) => (answerGraph = resolve)) };
    const { works, replaced, runLater } = deferred(world, { budgetMs: 20 });
    expect(await pressDone("u1", adaCard)).toEqual({
      card: renderCard("checking", { state: "checking", firstName: "Ada", ...ids }, context),
    });
    expect(works).toHaveLength(1);
    answerGraph({ methods: [push], unknownTypes: [] });
    await runLater();
    const thankYou = renderCard("thankYou", { firstName: "Ada", methodsRegistered: [push] }, context);
    expect(replaced).toEqual([{ message: { userId: "u1", conversationId: "a:chat-ada", activityId: "1:activity-7" }, card: thankYou }]);
    expect((await world.state("u1"))?.confirmed_registered_at).toBe("2026-11-03T11:00:00.000Z");
  });

  it("still finishes a slow check when nothing runs work after the answer", async () => {
    let answerGraph: (found: LiveMethods) => void = () => undefined;
    world.deps = { ...world.deps, liveCheckBudgetMs: 20, liveMethods: () => new Promise((resolve) => (answerGraph = resolve)) };
    expect(await pressDone("u1", adaCard)).toEqual({
      card: renderCard("checking", { state: "checking", firstName: "Ada", ...ids }, context),
    });
    answerGraph({ methods: ["email"], unknownTypes: [] });
    await vi.waitFor(async () => expect((await world.audit()).map((a) => a.action)).toEqual(["person.claimedDone"]));
  });

  it("waits up to three seconds for Graph by default", async () => {
    world.liveMethods.set("u1", { methods: [push], unknownTypes: [] });
    const answer = world.deps.liveMethods;
    world.deps = { ...world.deps, liveMethods: (userId) => new Promise((resolve) => setTimeout(() => resolve(answer(userId)), 100)) };
    expect(await pressDone("u1", adaCard)).toEqual({
      card: renderCard("thankYou", { firstName: "Ada", methodsRegistered: [push] }, context),
    });
  });
});

describeEachStore("I've done it before any sync has completed", (target) => {
  const world = useCardPressWorld(target, []);

  it("goes by the live check alone", async () => {
    const adaCard = await world.sendReminder("u1", reminderFor("Ada"));
    world.liveMethods.set("u1", { methods: [push], unknownTypes: [] });
    expect(await world.press("done", { outboxId: adaCard, userId: "u1" }, "u1")).toEqual({
      card: renderCard("thankYou", { firstName: "Ada", methodsRegistered: [push] }, context),
    });
    world.deps = { ...world.deps, liveMethods: failingGraph };
    expect(await world.press("done", { outboxId: adaCard, userId: "u1" }, "u1")).toEqual({
      card: renderCard("checking", { state: "later", firstName: "Ada", outboxId: adaCard, userId: "u1" }, context),
    });
  });
});
