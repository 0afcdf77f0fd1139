import { describe, expect, it } from "vitest";
import { currentStep, type StepState } from "../../src/campaign/current-step.js";
import { examplePolicy } from "./campaign-fixture.js";

// Steps 14, 7, 3, 1 and 0 days before; one overdue reminder every 2 working days, at most 5
// (the default); working days Monday to Friday. Deadline Tuesday 1 December 2026.
const policy = examplePolicy();
const deadline = "2026-12-01";

describe("the reminder step due on a day", () => {
  it.each<[string, StepState]>([
    ["2026-11-01", { due: false, why: "notYet", firstDate: "2026-11-17" }],
    ["2026-11-16", { due: false, why: "notYet", firstDate: "2026-11-17" }],
    ["2026-11-17", { due: true, step: "d-14" }],
    ["2026-11-18", { due: true, step: "d-14" }],
    ["2026-11-23", { due: true, step: "d-14" }],
    ["2026-11-24", { due: true, step: "d-7" }],
    ["2026-11-27", { due: true, step: "d-7" }],
    ["2026-11-28", { due: true, step: "d-3" }],
    ["2026-11-30", { due: true, step: "d-1" }],
    ["2026-12-01", { due: true, step: "d-0" }],
    // After the deadline, counted in working days: Wed 2 is 1, Thu 3 is 2, Mon 7 is 4.
    ["2026-12-02", { due: true, step: "d-0" }],
    ["2026-12-03", { due: true, step: "o-1" }],
    ["2026-12-05", { due: true, step: "o-1" }],
    ["2026-12-07", { due: true, step: "o-2" }],
    ["2026-12-09", { due: true, step: "o-3" }],
    ["2026-12-14", { due: true, step: "o-4" }],
    ["2026-12-15", { due: true, step: "o-5" }],
    ["2026-12-16", { due: true, step: "o-5" }],
    ["2026-12-17", { due: false, why: "overdueLimit", sent: 5 }],
    ["2027-03-01", { due: false, why: "overdueLimit", sent: 5 }],
  ])("on %s", (today, state) => {
    expect(currentStep(policy, deadline, today)).toEqual(state);
  });

  it("adds the step a relative deadline sets, so its first reminder goes at once", () => {
    // A phase whose deadline is 21 days after the first reminder: that reminder is d-21.
    expect(currentStep(policy, "2026-12-08", "2026-11-17", 21)).toEqual({ due: true, step: "d-21" });
    expect(currentStep(policy, "2026-12-08", "2026-11-16", 21)).toEqual({ due: false, why: "notYet", firstDate: "2026-11-17" });
    expect(currentStep(policy, "2026-12-08", "2026-11-24", 21)).toEqual({ due: true, step: "d-14" });
  });

  it("keeps the extra step in order among the configured ones", () => {
    expect(currentStep(policy, deadline, "2026-11-26", 5)).toEqual({ due: true, step: "d-5" });
    expect(currentStep(policy, deadline, "2026-11-25", 5)).toEqual({ due: true, step: "d-7" });
    expect(currentStep(policy, deadline, "2026-11-17", 14)).toEqual({ due: true, step: "d-14" });
  });

  it("after the deadline, repeats the last configured step until the first overdue one is due", () => {
    const sparse = examplePolicy({ reminders: { daysBeforeDeadline: [10, 3], overdueEveryDays: 3 } });
    expect(currentStep(sparse, deadline, "2026-12-01")).toEqual({ due: true, step: "d-3" });
    expect(currentStep(sparse, deadline, "2026-12-03")).toEqual({ due: true, step: "d-3" });
    expect(currentStep(sparse, deadline, "2026-12-04")).toEqual({ due: true, step: "o-1" });
  });

  it("sends no overdue reminder at all when overdueMax is 0", () => {
    const none = examplePolicy({ reminders: { daysBeforeDeadline: [3, 0], overdueEveryDays: 1, overdueMax: 0 } });
    expect(currentStep(none, deadline, "2026-12-01")).toEqual({ due: true, step: "d-0" });
    expect(currentStep(none, deadline, "2026-12-02")).toEqual({ due: false, why: "overdueLimit", sent: 0 });
  });

  it("counts overdue days on the campaign's own working days", () => {
    const everyDay = examplePolicy({
      reminders: { overdueEveryDays: 2, window: { days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], from: "10:00", to: "16:00" } },
    });
    // Saturday 5 December is the fourth day after, and a working day here: o-2.
    expect(currentStep(everyDay, deadline, "2026-12-05")).toEqual({ due: true, step: "o-2" });
  });
});
