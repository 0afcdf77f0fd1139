import { describe, expect, it } from "vitest";
import { planSnooze, type SnoozeOutcome } from "../../src/campaign/plan-snooze.js";
import { at, examplePolicy, history } from "./campaign-fixture.js";

// Snooze: 2 days, at most 3. Reminder hours 10:00-16:00, Monday to Friday, London (GMT in
// November). Deadline Tuesday 1 December 2026, so its reminder hours open at 10:00 GMT that day.
const policy = examplePolicy();
const deadline = "2026-12-01";

describe("the snooze table", () => {
  it.each<[string, number, string, SnoozeOutcome]>([
    [
      "two weeks out, the first snooze: two days, two left",
      0,
      "2026-11-17T11:00:00Z",
      { granted: true, until: at("2026-11-19T11:00:00Z"), snoozesLeft: 2 },
    ],
    ["the second snooze: one left", 1, "2026-11-17T11:00:00Z", { granted: true, until: at("2026-11-19T11:00:00Z"), snoozesLeft: 1 }],
    ["the last snooze allowed: none left", 2, "2026-11-17T11:00:00Z", { granted: true, until: at("2026-11-19T11:00:00Z"), snoozesLeft: 0 }],
    ["one more than allowed: refused, with the deadline", 3, "2026-11-17T11:00:00Z", { granted: false, why: "limit", deadline }],
    ["long past the limit: still refused", 7, "2026-11-17T11:00:00Z", { granted: false, why: "limit", deadline }],
    [
      "ending just before the deadline day: two days",
      0,
      "2026-11-27T17:00:00Z",
      { granted: true, until: at("2026-11-29T17:00:00Z"), snoozesLeft: 2 },
    ],
    [
      "the day before the deadline: cut short to the deadline day's 10:00",
      0,
      "2026-11-30T11:00:00Z",
      { granted: true, until: at("2026-12-01T10:00:00Z"), snoozesLeft: 2 },
    ],
    [
      "two days before, an hour after the window opens: cut to 10:00 on the day",
      0,
      "2026-11-29T11:00:00Z",
      { granted: true, until: at("2026-12-01T10:00:00Z"), snoozesLeft: 2 },
    ],
    [
      "two days before, before the window opens: ends exactly as it opens",
      0,
      "2026-11-29T10:00:00Z",
      { granted: true, until: at("2026-12-01T10:00:00Z"), snoozesLeft: 2 },
    ],
    [
      "on the deadline day itself: the full two days",
      0,
      "2026-12-01T11:00:00Z",
      { granted: true, until: at("2026-12-03T11:00:00Z"), snoozesLeft: 2 },
    ],
    [
      "past the deadline: the full two days",
      1,
      "2026-12-03T11:00:00Z",
      { granted: true, until: at("2026-12-05T11:00:00Z"), snoozesLeft: 1 },
    ],
  ])("%s", (_name, snoozeCount, now, outcome) => {
    expect(planSnooze(policy, history({ snoozeCount }), deadline, at(now))).toEqual(outcome);
  });

  // A deadline on Saturday 5 December: the last reminder day before it is Friday 4 December.
  it.each<[string, string, number]>([
    [
      "on the Wednesday before, is cut to Friday's 10:00, not Monday's, after the deadline",
      "2026-12-02T11:00:00Z",
      at("2026-12-04T10:00:00Z"),
    ],
    ["on the Thursday before, is cut to Friday's 10:00", "2026-12-03T11:00:00Z", at("2026-12-04T10:00:00Z")],
    ["on the Friday itself, with no reminder day left, runs its full two days", "2026-12-04T11:00:00Z", at("2026-12-06T11:00:00Z")],
  ])("a snooze towards a deadline on a day without reminder hours, taken %s", (_name, now, until) => {
    expect(planSnooze(policy, history(), "2026-12-05", at(now))).toEqual({ granted: true, until, snoozesLeft: 2 });
  });

  it("cuts at the deadline day's reminder hours in the person's own time zone", () => {
    // New York is UTC-5: its deadline day opens at 15:00 UTC.
    expect(planSnooze(policy, history({ timeZone: "America/New_York" }), deadline, at("2026-11-30T15:00:00Z"))).toEqual({
      granted: true,
      until: at("2026-12-01T15:00:00Z"),
      snoozesLeft: 2,
    });
  });

  it("judges 'before the deadline day' by the person's own date", () => {
    // 02:00 UTC on the deadline day is still the evening before in New York: the snooze is cut.
    expect(planSnooze(policy, history({ timeZone: "America/New_York" }), deadline, at("2026-12-01T02:00:00Z"))).toEqual({
      granted: true,
      until: at("2026-12-01T15:00:00Z"),
      snoozesLeft: 2,
    });
    // In London the same instant is the deadline day: the full two days.
    expect(planSnooze(policy, history(), deadline, at("2026-12-01T02:00:00Z"))).toEqual({
      granted: true,
      until: at("2026-12-03T02:00:00Z"),
      snoozesLeft: 2,
    });
  });

  it("uses the campaign's time zone when the person's makes no sense", () => {
    expect(planSnooze(policy, history({ timeZone: "Mars/Olympus" }), deadline, at("2026-11-30T15:00:00Z"))).toEqual({
      granted: true,
      until: at("2026-12-01T10:00:00Z"),
      snoozesLeft: 2,
    });
  });

  it("follows the policy's length and maximum", () => {
    const week = examplePolicy({ reminders: { snooze: { days: 7, max: 1 } } });
    expect(planSnooze(week, history(), deadline, at("2026-11-17T11:00:00Z"))).toEqual({
      granted: true,
      until: at("2026-11-24T11:00:00Z"),
      snoozesLeft: 0,
    });
    expect(planSnooze(week, history({ snoozeCount: 1 }), deadline, at("2026-11-17T11:00:00Z"))).toEqual({
      granted: false,
      why: "limit",
      deadline,
    });
    const never = examplePolicy({ reminders: { snooze: { days: 2, max: 0 } } });
    expect(planSnooze(never, history(), deadline, at("2026-11-17T11:00:00Z"))).toEqual({ granted: false, why: "limit", deadline });
  });
});
