import { describe, expect, it } from "vitest";
import { assessPerson, type Assessment } from "../../src/campaign/assess-person.js";
import type { SkipReason } from "../../src/campaign/decision.js";
import { at, examplePolicy, history, person, serviceGroup } from "./campaign-fixture.js";

// Pilot: fixed deadline Tuesday 2026-12-01. Everyone: 14 days after the first reminder. London on GMT.
const policy = examplePolicy();
const now = at("2026-11-17T11:00:00Z");
const skip = (skip: SkipReason, reason: string, phase?: string, deadline?: string): Assessment => ({
  skip: { action: "none", userId: "u1", userPrincipalName: "ada@contoso.com", skip, phase, deadline, reason },
});

describe("the checks every reminder passes", () => {
  it.each<[string, Parameters<typeof assessPerson>, Assessment]>([
    [
      "an excluded account, before anything else",
      [person({ groups: [serviceGroup], isMfaRegistered: true }), history(), policy, now, true],
      skip("excluded", `member of excluded group ${serviceGroup}`),
    ],
    [
      "someone registered",
      [person({ isMfaRegistered: true }), history(), policy, now, false],
      skip("registered", "meets the requirement (mfa)"),
    ],
    [
      "someone registered for a stricter requirement, named in the reason",
      [person({ methodsRegistered: ["fido2SecurityKey"] }), history(), examplePolicy({ requirement: "phishingResistant" }), now, false],
      skip("registered", "meets the requirement (phishingResistant)"),
    ],
    [
      "someone in no phase",
      [
        person({ groups: [] }),
        history(),
        examplePolicy({ phases: [{ name: "Pilot", members: { departments: ["Finance"] }, deadline: "2026-12-01" }] }),
        now,
        false,
      ],
      skip("notInPhase", "in no phase of the campaign"),
    ],
    [
      "everyone while paused, with their phase and deadline",
      [person(), history({ snoozedUntil: now + 1, snoozeCount: 1 }), policy, now, true],
      skip("paused", "the campaign is paused", "Pilot", "2026-12-01"),
    ],
    [
      "someone Teams refused, until when",
      [person(), history({ unreachableUntil: at("2026-11-20T00:00:00Z"), snoozedUntil: now + 1 }), policy, now, false],
      skip("unreachable", "Teams refused delivery; next try after 2026-11-20T00:00:00.000Z", "Pilot", "2026-12-01"),
    ],
    [
      "someone snoozed, until when",
      [person(), history({ snoozedUntil: at("2026-11-18T10:00:00Z"), snoozeCount: 1 }), policy, now, false],
      skip("snoozed", "snoozed until 2026-11-18T10:00:00.000Z", "Pilot", "2026-12-01"),
    ],
  ])("skips %s", (_name, args, expected) => {
    expect(assessPerson(...args)).toEqual(expected);
  });

  it("lets someone through the moment their refusal or snooze runs out", () => {
    const through = assessPerson(person(), history({ unreachableUntil: now, snoozedUntil: now, snoozeCount: 1 }), policy, now, false);
    expect(through).toEqual({
      standing: {
        phase: policy.phases[0],
        zone: "Europe/London",
        local: { date: "2026-11-17", weekday: "Tue", minute: 660 },
        deadline: "2026-12-01",
        daysLeft: 14,
        fixesDeadline: false,
      },
    });
  });

  it("stands a relative phase's deadline at today plus its days until the first reminder fixes it", () => {
    const first = assessPerson(person({ groups: [] }), history(), policy, now, false);
    expect(first).toMatchObject({ standing: { deadline: "2026-12-01", daysLeft: 14, fixesDeadline: true } });
    const fixed = assessPerson(person({ groups: [] }), history({ phaseDeadlines: { Everyone: "2026-11-25" } }), policy, now, false);
    expect(fixed).toMatchObject({ standing: { deadline: "2026-11-25", daysLeft: 8, fixesDeadline: false } });
  });

  it("keeps a fixed phase's own deadline even if a per-person one was recorded", () => {
    const standing = assessPerson(person(), history({ phaseDeadlines: { Pilot: "2026-11-20" } }), policy, now, false);
    expect(standing).toMatchObject({ standing: { deadline: "2026-12-01", fixesDeadline: false } });
  });

  it("works in the person's own time zone, or the campaign's when theirs makes no sense", () => {
    const late = at("2026-11-30T23:30:00Z");
    expect(assessPerson(person(), history({ timeZone: "Asia/Kolkata" }), policy, late, false)).toMatchObject({
      standing: { zone: "Asia/Kolkata", local: { date: "2026-12-01", weekday: "Tue", minute: 300 }, daysLeft: 0 },
    });
    expect(assessPerson(person(), history({ timeZone: "Mars/Olympus" }), policy, late, false)).toMatchObject({
      standing: { zone: "Europe/London", local: { date: "2026-11-30" }, daysLeft: 1 },
    });
  });
});
