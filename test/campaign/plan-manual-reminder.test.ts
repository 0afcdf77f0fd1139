import { describe, expect, it } from "vitest";
import { planManualReminder } from "../../src/campaign/plan-manual-reminder.js";
import { at, examplePolicy, history, person } from "./campaign-fixture.js";

// Pilot: deadline Tuesday 2026-12-01. Reminder hours 10:00-16:00 Monday to Friday, London (GMT).
const policy = examplePolicy();

describe("a reminder an admin or a manager asks for", () => {
  it("goes at once inside the person's reminder hours, as today's manual step", () => {
    const now = at("2026-11-17T11:00:00Z");
    expect(planManualReminder(person(), history(), policy, now, false)).toEqual({
      decision: {
        action: "remind",
        userId: "u1",
        userPrincipalName: "ada@contoso.com",
        phase: "Pilot",
        step: "manual-2026-11-17",
        kind: "first",
        deadline: "2026-12-01",
        daysLeft: 14,
        fixesDeadline: false,
        reason: "asked for now",
      },
      notBefore: now,
    });
  });

  it.each([
    ["before the window opens: that morning", "2026-11-17T08:00:00Z", "2026-11-17T10:00:00Z"],
    ["after it closes: the next morning", "2026-11-17T17:00:00Z", "2026-11-18T10:00:00Z"],
    ["on a Saturday: Monday morning", "2026-11-21T11:00:00Z", "2026-11-23T10:00:00Z"],
  ])("waits for the person's reminder hours when asked %s", (_name, now, notBefore) => {
    const planned = planManualReminder(person(), history(), policy, at(now), false);
    expect(planned).toMatchObject({ notBefore: at(notBefore) });
  });

  it.each<[string, string, Record<string, number>, string, number]>([
    ["first, when no reminder of the phase went yet", "2026-11-17T11:00:00Z", {}, "first", 14],
    ["upcoming, after one has", "2026-11-17T11:00:00Z", { Pilot: 1 }, "upcoming", 14],
    ["due today, on the deadline", "2026-12-01T11:00:00Z", { Pilot: 5 }, "dueToday", 0],
    ["due today, on the deadline, even as the first", "2026-12-01T11:00:00Z", {}, "dueToday", 0],
    ["overdue, after it", "2026-12-02T11:00:00Z", {}, "overdue", -1],
  ])("is %s", (_name, now, remindersByPhase, kind, daysLeft) => {
    expect(planManualReminder(person(), history({ remindersByPhase }), policy, at(now), false)).toMatchObject({
      decision: { action: "remind", kind, daysLeft },
    });
  });

  it("fixes a relative phase's deadline when it is the first reminder", () => {
    expect(planManualReminder(person({ groups: [] }), history(), policy, at("2026-11-17T11:00:00Z"), false)).toMatchObject({
      decision: { phase: "Everyone", deadline: "2026-12-01", fixesDeadline: true },
    });
  });

  it("is refused for someone already reminded today, in their own time zone", () => {
    const h = history({ lastReminderAt: at("2026-11-17T10:05:00Z") });
    expect(planManualReminder(person(), h, policy, at("2026-11-17T15:00:00Z"), false)).toEqual({
      decision: {
        action: "none",
        userId: "u1",
        userPrincipalName: "ada@contoso.com",
        skip: "remindedToday",
        phase: "Pilot",
        deadline: "2026-12-01",
        reason: "already reminded today",
      },
    });
    // 03:00 UTC was the evening before in New York: a new day there, so a reminder may go.
    const ny = history({ timeZone: "America/New_York", lastReminderAt: at("2026-11-17T03:00:00Z") });
    expect(planManualReminder(person(), ny, policy, at("2026-11-17T15:00:00Z"), false)).toMatchObject({ decision: { action: "remind" } });
  });

  it("goes the day after a reminder", () => {
    const h = history({ lastReminderAt: at("2026-11-16T15:00:00Z") });
    expect(planManualReminder(person(), h, policy, at("2026-11-17T11:00:00Z"), false)).toMatchObject({
      decision: { action: "remind", step: "manual-2026-11-17" },
    });
  });

  it("is refused for the same reasons as the schedule's: here, a pause", () => {
    expect(planManualReminder(person(), history(), policy, at("2026-11-17T11:00:00Z"), true)).toEqual({
      decision: {
        action: "none",
        userId: "u1",
        userPrincipalName: "ada@contoso.com",
        skip: "paused",
        phase: "Pilot",
        deadline: "2026-12-01",
        reason: "the campaign is paused",
      },
    });
  });
});
