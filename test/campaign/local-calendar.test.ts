import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  inWindow,
  isValidZone,
  localMoment,
  nextWindowOpening,
  startOfLocalDay,
  weekdayOf,
  workingDaysAfter,
} from "../../src/campaign/local-calendar.js";
import type { ReminderWindow, Weekday } from "../../src/campaign/policy.js";
import { at } from "./campaign-fixture.js";

const workweek: Weekday[] = ["Mon", "Tue", "Wed", "Thu", "Fri"];
const office: ReminderWindow = { days: workweek, fromMinute: 600, toMinute: 960 };

// Calendar facts used below: 2026-11-16 and 2026-03-30 are Mondays, 2026-12-01 a Tuesday,
// 2026-03-28 and 2026-12-05 Saturdays. London is on GMT in winter and BST (UTC+1) from 29 March 2026.

describe("calendar days between dates", () => {
  it.each<[string, string, number]>([
    ["2026-11-17", "2026-12-01", 14],
    ["2026-12-01", "2026-11-17", -14],
    ["2026-12-01", "2026-12-01", 0],
    ["2026-03-27", "2026-03-30", 3], // across the spring change: 71 hours, 3 days
    ["2026-12-31", "2027-01-01", 1],
    ["2028-02-28", "2028-03-01", 2], // leap year
  ])("from %s to %s: %i", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each<[string, number, string]>([
    ["2026-11-30", 1, "2026-12-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-11-17", 0, "2026-11-17"],
    ["2026-12-01", -14, "2026-11-17"],
  ])("%s plus %i days is %s", (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });

  it.each<[string, Weekday]>([
    ["2026-11-16", "Mon"],
    ["2026-11-17", "Tue"],
    ["2026-11-21", "Sat"],
    ["2026-11-22", "Sun"],
    ["2028-02-29", "Tue"],
  ])("%s is a %s", (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe("working days after a date", () => {
  // Deadline Tuesday 1 December 2026.
  it.each<[string, number]>([
    ["2026-11-30", 0], // before
    ["2026-12-01", 0], // the day itself
    ["2026-12-02", 1],
    ["2026-12-04", 3],
    ["2026-12-06", 3], // the weekend adds nothing
    ["2026-12-07", 4],
    ["2026-12-08", 5], // exactly a week
    ["2026-12-13", 8], // a week and the next weekend: Wed-Fri, Mon-Fri
    ["2026-12-17", 12],
  ])("Monday to Friday, from 2026-12-01 to %s: %i", (to, days) => {
    expect(workingDaysAfter("2026-12-01", to, workweek)).toBe(days);
  });

  it("counts every day when every day is a working day", () => {
    expect(workingDaysAfter("2026-12-01", "2026-12-17", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])).toBe(16);
  });

  it("counts only the days listed, weekends included when those are the working days", () => {
    expect(workingDaysAfter("2026-11-20", "2026-11-23", ["Sat", "Sun"])).toBe(2);
    expect(workingDaysAfter("2026-11-20", "2026-12-07", ["Sat", "Sun"])).toBe(6);
  });
});

describe("the local moment and the reminder window", () => {
  it.each<[string, string, string, Weekday, number]>([
    ["2026-11-17T11:00:00Z", "Europe/London", "2026-11-17", "Tue", 660],
    ["2026-07-14T11:00:00Z", "Europe/London", "2026-07-14", "Tue", 720],
    ["2026-11-17T11:00:00Z", "Asia/Kolkata", "2026-11-17", "Tue", 990],
    ["2026-11-17T03:00:00Z", "America/New_York", "2026-11-16", "Mon", 1320],
  ])("%s in %s is %s, a %s, minute %i", (now, zone, date, weekday, minute) => {
    expect(localMoment(at(now), zone)).toEqual({ date, weekday, minute });
  });

  it.each<[Weekday, number, boolean]>([
    ["Tue", 599, false],
    ["Tue", 600, true],
    ["Tue", 959, true],
    ["Tue", 960, false],
    ["Sat", 700, false],
  ])("on a %s at minute %i the window 10:00-16:00 is open: %s", (weekday, minute, open) => {
    expect(inWindow({ date: "2026-11-17", weekday, minute }, office)).toBe(open);
  });

  it.each([
    ["Europe/London", true],
    ["Asia/Kolkata", true],
    ["Mars/Olympus", false],
    ["not a zone", false],
  ])("knows %s is a time zone: %s", (zone, valid) => {
    expect(isValidZone(zone)).toBe(valid);
  });

  it.each<[string, string, string]>([
    ["2026-11-17", "Europe/London", "2026-11-17T00:00:00Z"],
    ["2026-07-01", "Europe/London", "2026-06-30T23:00:00Z"],
    ["2026-11-17", "Asia/Kolkata", "2026-11-16T18:30:00Z"],
  ])("%s starts in %s at %s", (date, zone, instant) => {
    expect(startOfLocalDay(date, zone)).toBe(at(instant));
  });
});

describe("when the reminder window next opens", () => {
  it.each<[string, string, string, string]>([
    ["before it opens on a working day: that morning", "2026-11-17T09:00:00Z", "Europe/London", "2026-11-17T10:00:00Z"],
    ["while it is open: at once", "2026-11-17T11:00:00Z", "Europe/London", "2026-11-17T11:00:00Z"],
    ["as it closes: the next morning", "2026-11-17T16:00:00Z", "Europe/London", "2026-11-18T10:00:00Z"],
    ["on a Friday evening: Monday morning", "2026-11-20T17:00:00Z", "Europe/London", "2026-11-23T10:00:00Z"],
    ["on a Saturday: Monday morning", "2026-11-21T11:00:00Z", "Europe/London", "2026-11-23T10:00:00Z"],
    ["at local midnight: that morning", "2026-11-17T00:00:00Z", "Europe/London", "2026-11-17T10:00:00Z"],
    ["across the spring change: 10:00 BST", "2026-03-28T11:00:00Z", "Europe/London", "2026-03-30T09:00:00Z"],
    ["in New York: 10:00 there", "2026-11-17T12:00:00Z", "America/New_York", "2026-11-17T15:00:00Z"],
  ])("%s", (_name, from, zone, opens) => {
    expect(nextWindowOpening(at(from), zone, office)).toBe(at(opens));
  });

  it("finds a window open one day a week, up to a week ahead", () => {
    const tuesdays: ReminderWindow = { days: ["Tue"], fromMinute: 600, toMinute: 960 };
    expect(nextWindowOpening(at("2026-11-17T16:30:00Z"), "Europe/London", tuesdays)).toBe(at("2026-11-24T10:00:00Z"));
    const mondays: ReminderWindow = { days: ["Mon"], fromMinute: 600, toMinute: 960 };
    expect(nextWindowOpening(at("2026-11-17T11:00:00Z"), "Europe/London", mondays)).toBe(at("2026-11-23T10:00:00Z"));
  });

  it("gives back the instant it was asked about when the window never opens", () => {
    expect(nextWindowOpening(at("2026-11-17T11:00:00Z"), "Europe/London", { days: [], fromMinute: 600, toMinute: 960 })).toBe(
      at("2026-11-17T11:00:00Z"),
    );
  });
});
