import { describe, expect, it } from "vitest";
import type { Decision, RemindDecision, SkipDecision } from "../../src/campaign/decision.js";
import { planPerson, type PlanContext } from "../../src/campaign/plan-person.js";
import { planReminders } from "../../src/campaign/plan-reminders.js";
import type { Person, PersonHistory } from "../../src/campaign/person.js";
import type { CampaignPolicy } from "../../src/campaign/policy.js";
import { at, examplePolicy, history, person, serviceGroup } from "./campaign-fixture.js";

const policy = examplePolicy();

function plan(p: Person, h: PersonHistory, now: number, options: Partial<PlanContext> & { policy?: CampaignPolicy } = {}): Decision[] {
  return planPerson(p, h, {
    policy: options.policy ?? policy,
    now,
    paused: options.paused ?? false,
    managerOf: options.managerOf ?? ((id) => ({ id, timeZone: undefined })),
  });
}
const only = (d: Decision[]) => {
  expect(d).toHaveLength(1);
  return d[0] as Decision;
};

// Pilot deadline: Tuesday 2026-12-01. London is on GMT in November and December.
describe("who is left alone, and why", () => {
  it.each<[string, Person, PersonHistory, SkipDecision["skip"], string]>([
    [
      "a registered person",
      person({ isMfaRegistered: true, methodsRegistered: ["microsoftAuthenticatorPush"] }),
      history(),
      "registered",
      "meets the requirement (mfa)",
    ],
    [
      "someone confirmed live although the report lags",
      person(),
      history({ confirmedRegisteredAt: at("2026-11-16T09:00:00Z") }),
      "registered",
      "meets the requirement (mfa)",
    ],
    [
      "a break-glass account named in exclude.users",
      person({ userPrincipalName: "Admin-Emergency-01@contoso.com", isAdmin: true }),
      history(),
      "excluded",
      "excluded by name (exclude.users)",
    ],
    ["a disabled account", person({ accountEnabled: false }), history(), "excluded", "account disabled"],
    ["a guest", person({ userType: "Guest" }), history(), "excluded", "guest account"],
    [
      "a service account in the excluded group",
      person({ groups: [serviceGroup] }),
      history(),
      "excluded",
      `member of excluded group ${serviceGroup}`,
    ],
    [
      "someone Teams refused until next week",
      person(),
      history({ unreachableUntil: at("2026-11-20T00:00:00Z") }),
      "unreachable",
      "Teams refused delivery; next try after 2026-11-20T00:00:00.000Z",
    ],
    [
      "someone who snoozed until tomorrow",
      person(),
      history({ snoozedUntil: at("2026-11-18T10:00:00Z"), snoozeCount: 1 }),
      "snoozed",
      "snoozed until 2026-11-18T10:00:00.000Z",
    ],
  ])("skips %s", (_name, p, h, skip, reason) => {
    const d = only(plan(p, h, at("2026-11-17T11:00:00Z"))) as SkipDecision;
    expect(d.action).toBe("none");
    expect(d.skip).toBe(skip);
    expect(d.reason).toBe(reason);
  });

  it("says when the first reminder comes for someone whose first step has not arrived", () => {
    const d = only(plan(person(), history(), at("2026-11-10T11:00:00Z"))) as SkipDecision;
    expect(d).toMatchObject({ skip: "notYet", phase: "Pilot", deadline: "2026-12-01", reason: "first reminder on 2026-11-17" });
  });

  it("tells everyone they are paused while an admin has paused the campaign", () => {
    expect(only(plan(person(), history(), at("2026-11-17T11:00:00Z"), { paused: true }))).toMatchObject({ skip: "paused" });
  });

  it("skips people who fit no phase", () => {
    const narrow = examplePolicy({ phases: [{ name: "Pilot", members: { departments: ["Finance"] }, deadline: "2026-12-01" }] });
    expect(only(plan(person(), history(), at("2026-11-17T11:00:00Z"), { policy: narrow }))).toMatchObject({ skip: "notInPhase" });
  });
});

describe("which reminder step is due", () => {
  it.each<[string, string, string[], string, RemindDecision["kind"], number]>([
    ["14 days before: the first reminder", "2026-11-17T11:00:00Z", [], "d-14", "first", 14],
    ["5 days before, joined late: the latest step reached, not a burst", "2026-11-26T11:00:00Z", [], "d-7", "first", 5],
    ["5 days before, d-14 sent", "2026-11-26T11:00:00Z", ["Pilot:d-14"], "d-7", "upcoming", 5],
    ["the day before", "2026-11-30T11:00:00Z", ["Pilot:d-14", "Pilot:d-7", "Pilot:d-3"], "d-1", "upcoming", 1],
    ["the day of the deadline", "2026-12-01T15:59:00Z", ["Pilot:d-1"], "d-0", "dueToday", 0],
    ["two working days after the deadline", "2026-12-03T11:00:00Z", ["Pilot:d-0"], "o-1", "overdue", -2],
    ["four working days after, across nothing", "2026-12-07T11:00:00Z", ["Pilot:d-0", "Pilot:o-1"], "o-2", "overdue", -6],
  ])("%s", (_name, now, steps, step, kind, daysLeft) => {
    const reminders = steps.length;
    const d = only(plan(person(), history({ steps, remindersByPhase: { Pilot: reminders } }), at(now))) as RemindDecision;
    expect(d).toMatchObject({ action: "remind", phase: "Pilot", deadline: "2026-12-01", step, kind, daysLeft });
  });

  it("counts overdue steps in working days, skipping the weekend", () => {
    // Deadline Tuesday 1 Dec; o-2 falls on Friday 4 Dec? No: Wed 2 = 1, Thu 3 = 2 (o-1), Fri 4 = 3, Mon 7 = 4 (o-2).
    const friday = only(plan(person(), history({ steps: ["Pilot:d-0", "Pilot:o-1"] }), at("2026-12-04T11:00:00Z")));
    expect(friday).toMatchObject({ skip: "alreadyReminded" });
  });

  it("does not send a step twice", () => {
    const d = only(plan(person(), history({ steps: ["Pilot:d-14"] }), at("2026-11-18T11:00:00Z")));
    expect(d).toMatchObject({ action: "none", skip: "alreadyReminded", reason: "already reminded for d-14" });
  });

  it("stops after overdueMax reminders past the deadline", () => {
    // Working days after Tuesday 1 Dec up to Thursday 17 Dec: 12, so the sixth overdue step.
    const d = only(plan(person(), history({ steps: ["Pilot:o-5"] }), at("2026-12-17T11:00:00Z")));
    expect(d).toMatchObject({ skip: "overdueLimit" });
  });

  it("reminds again once a snooze is over, even when no new step is due", () => {
    const h = history({
      steps: ["Pilot:d-14"],
      snoozeCount: 1,
      snoozedUntil: at("2026-11-19T10:00:00Z"),
      lastReminderAt: at("2026-11-17T11:00:00Z"),
    });
    expect(only(plan(person(), h, at("2026-11-19T10:30:00Z")))).toMatchObject({ action: "remind", step: "snooze-1" });
    const after = history({
      steps: ["Pilot:d-14", "Pilot:snooze-1"],
      snoozeCount: 1,
      snoozedUntil: at("2026-11-19T10:00:00Z"),
      lastReminderAt: at("2026-11-19T10:30:00Z"),
    });
    expect(only(plan(person(), after, at("2026-11-20T10:30:00Z")))).toMatchObject({ skip: "alreadyReminded" });
  });

  it("sends at most one reminder a day", () => {
    const h = history({
      steps: ["Pilot:d-14"],
      snoozeCount: 1,
      snoozedUntil: at("2026-11-17T12:00:00Z"),
      lastReminderAt: at("2026-11-17T11:00:00Z"),
    });
    expect(only(plan(person(), h, at("2026-11-17T11:30:00Z")))).toMatchObject({ skip: "snoozed" });
    const later = history({
      steps: ["Pilot:d-14"],
      snoozeCount: 1,
      snoozedUntil: at("2026-11-17T11:10:00Z"),
      lastReminderAt: at("2026-11-17T11:00:00Z"),
    });
    expect(only(plan(person(), later, at("2026-11-17T11:30:00Z")))).toMatchObject({ skip: "remindedToday" });
  });
});

describe("reminder hours in the recipient's own time", () => {
  it.each<[string, string | undefined, string, "remind" | "none"]>([
    ["London, 09:30 on a Tuesday: too early", undefined, "2026-11-17T09:30:00Z", "none"],
    ["London, 10:00 sharp: the window opens", undefined, "2026-11-17T10:00:00Z", "remind"],
    ["London, 16:00: the window has closed", undefined, "2026-11-17T16:00:00Z", "none"],
    ["Kolkata, 15:00 local while London sleeps at 09:30", "Asia/Kolkata", "2026-11-17T09:30:00Z", "remind"],
    ["New York, 10:30 local (15:30 in London)", "America/New_York", "2026-11-17T15:30:00Z", "remind"],
    ["New York, 06:00 local", "America/New_York", "2026-11-17T11:00:00Z", "none"],
    ["Saturday in London", undefined, "2026-11-21T11:00:00Z", "none"],
    ["a time zone Teams sent that makes no sense falls back to the campaign's", "Mars/Olympus", "2026-11-17T11:00:00Z", "remind"],
  ])("%s", (_name, timeZone, now, action) => {
    const d = only(plan(person(), history(timeZone ? { timeZone } : {}), at(now)));
    expect(d.action).toBe(action);
    if (action === "none") expect((d as SkipDecision).skip).toBe("outsideWindow");
  });

  it("counts days left by the calendar across the spring clock change", () => {
    const spring = examplePolicy({ phases: [{ name: "Spring", members: { all: true }, deadline: "2026-03-30" }] });
    // Monday 30 March 2026, 10:30 BST is 09:30 UTC: inside the window only in local time.
    const dueDay = only(plan(person(), history({ steps: ["Spring:d-1"] }), at("2026-03-30T09:30:00Z"), { policy: spring }));
    expect(dueDay).toMatchObject({ action: "remind", step: "d-0", kind: "dueToday", daysLeft: 0 });
    // Friday 27 March, 10:30 GMT: three calendar days, although only 71 hours remain to Monday's midnight.
    const friday = only(plan(person(), history({ steps: ["Spring:d-7"] }), at("2026-03-27T10:30:00Z"), { policy: spring }));
    expect(friday).toMatchObject({ action: "remind", step: "d-3", daysLeft: 3 });
  });

  it("follows the autumn clock change: 09:30 UTC is inside the window on BST, outside it on GMT", () => {
    const autumn = examplePolicy({ phases: [{ name: "Autumn", members: { all: true }, deadline: "2026-10-26" }] });
    // Friday 23 October 2026 is on BST: 09:30 UTC is 10:30 local.
    const friday = only(plan(person(), history({ steps: ["Autumn:d-7"] }), at("2026-10-23T09:30:00Z"), { policy: autumn }));
    expect(friday).toMatchObject({ action: "remind", step: "d-3", daysLeft: 3 });
    // Monday 26 October is on GMT again: 09:30 UTC is 09:30 local, before the window opens.
    const monday = only(plan(person(), history({ steps: ["Autumn:d-3"] }), at("2026-10-26T09:30:00Z"), { policy: autumn }));
    expect(monday).toMatchObject({ action: "none", skip: "outsideWindow" });
    expect(only(plan(person(), history({ steps: ["Autumn:d-3"] }), at("2026-10-26T10:30:00Z"), { policy: autumn }))).toMatchObject({
      step: "d-0",
      kind: "dueToday",
    });
  });
});

describe("phases whose deadline follows the first reminder", () => {
  const everyone = person({ groups: [] });

  it("fixes the deadline 14 days after the first reminder", () => {
    const d = only(plan(everyone, history(), at("2026-11-17T11:00:00Z"))) as RemindDecision;
    expect(d).toMatchObject({ phase: "Everyone", step: "d-14", kind: "first", deadline: "2026-12-01", daysLeft: 14, fixesDeadline: true });
  });

  it("keeps the deadline it fixed", () => {
    const h = history({ phaseDeadlines: { Everyone: "2026-12-01" }, steps: ["Everyone:d-14"], remindersByPhase: { Everyone: 1 } });
    const d = only(plan(everyone, h, at("2026-11-24T11:00:00Z"))) as RemindDecision;
    expect(d).toMatchObject({ step: "d-7", deadline: "2026-12-01", fixesDeadline: false, kind: "upcoming" });
  });

  it("reminds at once when the relative deadline is further out than the first configured step", () => {
    const longer = examplePolicy({ phases: [{ name: "Everyone", members: { all: true }, deadlineDaysAfterFirstReminder: 21 }] });
    const d = only(plan(everyone, history(), at("2026-11-17T11:00:00Z"), { policy: longer })) as RemindDecision;
    expect(d).toMatchObject({ step: "d-21", deadline: "2026-12-08", daysLeft: 21 });
  });
});

describe("requirements", () => {
  it.each<[string, string[], "mfa" | "authenticator" | "phishingResistant", "remind" | "none"]>([
    ["SMS counts for plain MFA", ["mobilePhone"], "mfa", "none"],
    ["SMS alone does not count when the Authenticator app is required", ["mobilePhone"], "authenticator", "remind"],
    ["the Authenticator app counts when it is required", ["microsoftAuthenticatorPush", "mobilePhone"], "authenticator", "none"],
    ["the Authenticator app is not phishing-resistant", ["microsoftAuthenticatorPush"], "phishingResistant", "remind"],
    ["a FIDO2 key is phishing-resistant", ["fido2SecurityKey"], "phishingResistant", "none"],
    ["email alone is never a second factor", ["email"], "mfa", "remind"],
  ])("%s", (_name, methods, requirement, action) => {
    const p = person({ methodsRegistered: methods, isMfaRegistered: methods.some((m) => m !== "email") });
    const d = only(plan(p, history(), at("2026-11-17T11:00:00Z"), { policy: examplePolicy({ requirement }) }));
    expect(d.action).toBe(action);
  });
});

describe("telling the manager", () => {
  const unanswered = history({ steps: ["Pilot:d-14", "Pilot:d-7", "Pilot:d-3"], remindersByPhase: { Pilot: 3 }, unansweredReminders: 3 });

  it("escalates after three unanswered reminders, alongside the reminder due", () => {
    const d = plan(person(), unanswered, at("2026-11-30T11:00:00Z"));
    expect(d.map((x) => x.action)).toEqual(["remind", "escalate"]);
    expect(d[1]).toMatchObject({ action: "escalate", managerId: "m1", phase: "Pilot", remindersSent: 3, step: "escalation" });
  });

  it("escalates once per phase", () => {
    const h = { ...unanswered, escalatedPhases: new Set(["Pilot"]) };
    expect(plan(person(), h, at("2026-11-30T11:00:00Z")).map((x) => x.action)).toEqual(["remind"]);
  });

  it("does not escalate before the threshold, or without a reachable manager", () => {
    expect(plan(person(), { ...unanswered, unansweredReminders: 2 }, at("2026-11-30T11:00:00Z"))).toHaveLength(1);
    expect(plan(person(), unanswered, at("2026-11-30T11:00:00Z"), { managerOf: () => undefined })).toHaveLength(1);
    expect(plan(person({ managerId: null }), unanswered, at("2026-11-30T11:00:00Z"))).toHaveLength(1);
  });

  it("waits for the manager's own reminder hours", () => {
    const d = plan(person(), unanswered, at("2026-11-30T11:00:00Z"), { managerOf: (id) => ({ id, timeZone: "America/Los_Angeles" }) });
    expect(d.map((x) => x.action)).toEqual(["remind"]);
  });
});

describe("what the planner says, word for word", () => {
  it.each<[string, PersonHistory, string, string]>([
    ["a step before the deadline", history(), "2026-11-17T11:00:00Z", "14 days before the Pilot deadline (2026-12-01)"],
    [
      "an overdue step",
      history({ steps: ["Pilot:d-0"] }),
      "2026-12-03T11:00:00Z",
      "2 days past the Pilot deadline (2026-12-01), overdue reminder 1",
    ],
    [
      "a reminder after a snooze",
      history({
        steps: ["Pilot:d-14"],
        snoozeCount: 1,
        snoozedUntil: at("2026-11-19T10:00:00Z"),
        lastReminderAt: at("2026-11-17T11:00:00Z"),
      }),
      "2026-11-19T10:30:00Z",
      "snooze over; Pilot deadline 2026-12-01",
    ],
    [
      "outside the reminder hours",
      history(),
      "2026-11-17T09:30:00Z",
      "outside their reminder hours (Europe/London); next opening 2026-11-17T10:00:00.000Z",
    ],
    [
      "a second reminder the same day",
      history({
        steps: ["Pilot:d-14"],
        snoozeCount: 1,
        snoozedUntil: at("2026-11-17T11:10:00Z"),
        lastReminderAt: at("2026-11-17T11:00:00Z"),
      }),
      "2026-11-17T11:30:00Z",
      "already reminded today",
    ],
    [
      "past the overdue limit",
      history({ steps: ["Pilot:o-5"] }),
      "2026-12-17T11:00:00Z",
      "already reminded 5 times after the deadline; left to the admins",
    ],
  ])("for %s", (_name, h, now, reason) => {
    expect(only(plan(person(), h, at(now))).reason).toBe(reason);
  });
});

describe("the reminder after a snooze", () => {
  const snoozed = { steps: ["Pilot:d-14"], snoozedUntil: at("2026-11-19T10:00:00Z") };

  it("is numbered by the snooze it follows", () => {
    const h = history({ ...snoozed, snoozeCount: 2, lastReminderAt: at("2026-11-17T11:00:00Z") });
    expect(only(plan(person(), h, at("2026-11-19T10:30:00Z")))).toMatchObject({ action: "remind", step: "snooze-2", kind: "first" });
  });

  it("comes even when no reminder was recorded before the snooze", () => {
    const h = history({ ...snoozed, snoozeCount: 1 });
    expect(only(plan(person(), h, at("2026-11-19T10:30:00Z")))).toMatchObject({ action: "remind", step: "snooze-1" });
  });

  it("does not come when a reminder already went after the snooze ended", () => {
    const h = history({ ...snoozed, snoozeCount: 1, lastReminderAt: at("2026-11-19T10:15:00Z") });
    expect(only(plan(person(), h, at("2026-11-20T10:30:00Z")))).toMatchObject({
      skip: "alreadyReminded",
      reason: "already reminded for d-14",
    });
  });

  it("does not come when a reminder went at the very moment the snooze ended", () => {
    // An admin's manual reminder went out exactly as the snooze ran out: that was the reminder after it.
    const h = history({ ...snoozed, snoozeCount: 1, lastReminderAt: at("2026-11-19T10:00:00Z") });
    expect(only(plan(person(), h, at("2026-11-20T10:30:00Z")))).toMatchObject({ skip: "alreadyReminded" });
  });

  it("does not come without a snooze counted", () => {
    const h = history({ ...snoozed, snoozeCount: 0, lastReminderAt: at("2026-11-17T11:00:00Z") });
    expect(only(plan(person(), h, at("2026-11-19T10:30:00Z")))).toMatchObject({ skip: "alreadyReminded" });
  });

  it("does not come without a snooze end recorded", () => {
    const h = history({ steps: ["Pilot:d-14"], snoozeCount: 1, lastReminderAt: at("2026-11-17T11:00:00Z") });
    expect(only(plan(person(), h, at("2026-11-19T10:30:00Z")))).toMatchObject({ skip: "alreadyReminded" });
  });
});

describe("the reminder's kind", () => {
  it("counts only the reminders of the person's own phase", () => {
    const d = only(plan(person(), history({ remindersByPhase: { Everyone: 2 } }), at("2026-11-17T11:00:00Z")));
    expect(d).toMatchObject({ step: "d-14", kind: "first" });
  });
});

describe("the escalation to the manager, in full", () => {
  const unanswered = history({ steps: ["Pilot:d-14", "Pilot:d-7", "Pilot:d-3"], remindersByPhase: { Pilot: 3 }, unansweredReminders: 3 });

  it("names the manager, the phase, the deadline and how many reminders went unanswered", () => {
    const d = plan(person(), { ...unanswered, unansweredReminders: 4 }, at("2026-11-30T11:00:00Z"), {
      managerOf: (id) => (id === "m1" ? { id: "m1", timeZone: undefined } : undefined),
    });
    expect(d[1]).toEqual({
      action: "escalate",
      userId: "u1",
      userPrincipalName: "ada@contoso.com",
      managerId: "m1",
      phase: "Pilot",
      step: "escalation",
      deadline: "2026-12-01",
      daysLeft: 1,
      remindersSent: 3,
      reason: "4 reminders unanswered (escalation.managerAfterReminders: 3)",
    });
  });

  it("goes even when the person's own reminder is not due now", () => {
    const d = plan(
      person(),
      { ...unanswered, stepsQueued: new Set(["Pilot:d-14", "Pilot:d-7", "Pilot:d-3", "Pilot:d-1"]) },
      at("2026-11-30T11:00:00Z"),
    );
    expect(d.map((x) => (x.action === "none" ? x.skip : x.action))).toEqual(["alreadyReminded", "escalate"]);
  });

  it("waits for the manager's hours, not the person's", () => {
    // 05:00 in London, 10:30 in Kolkata.
    const d = plan(person(), unanswered, at("2026-11-30T05:00:00Z"), { managerOf: (id) => ({ id, timeZone: "Asia/Kolkata" }) });
    expect(d.map((x) => (x.action === "none" ? x.skip : x.action))).toEqual(["outsideWindow", "escalate"]);
  });

  it("uses the campaign's time zone for a manager whose zone makes no sense", () => {
    const d = plan(person(), unanswered, at("2026-11-30T11:00:00Z"), { managerOf: (id) => ({ id, timeZone: "Mars/Olympus" }) });
    expect(d.map((x) => x.action)).toEqual(["remind", "escalate"]);
  });

  it("never goes when the campaign does not escalate", () => {
    const noEscalation = examplePolicy({ escalation: {} });
    expect(plan(person(), { ...unanswered, unansweredReminders: 20 }, at("2026-11-30T11:00:00Z"), { policy: noEscalation })).toHaveLength(
      1,
    );
  });
});

describe("planning a batch", () => {
  it("plans each person with their own history, an empty one when none is stored", () => {
    const people = [person({ id: "u1", userPrincipalName: "ada@contoso.com" }), person({ id: "u2", userPrincipalName: "bob@contoso.com" })];
    const histories = new Map([["u2", history({ steps: ["Pilot:d-14", "Pilot:d-7", "Pilot:d-3"], unansweredReminders: 3 })]]);
    const decisions = planReminders(people, (id) => histories.get(id), {
      policy,
      now: at("2026-11-30T11:00:00Z"),
      paused: false,
      managerOf: (id) => ({ id, timeZone: undefined }),
    });
    expect(decisions.map((d) => [d.userId, d.action, "step" in d ? d.step : d.skip])).toEqual([
      ["u1", "remind", "d-1"],
      ["u2", "remind", "d-1"],
      ["u2", "escalate", "escalation"],
    ]);
  });
});
