import { describe, expect, it } from "vitest";
import type { Decision, RemindDecision, SkipDecision } from "../../src/campaign/decision.js";
import { planPerson } from "../../src/campaign/plan-person.js";
import type { Person, PersonHistory } from "../../src/campaign/person.js";
import { at, examplePolicy, history, person } from "./campaign-fixture.js";

const policy = examplePolicy();
const plan = (p: Person, h: PersonHistory, now: number): Decision[] =>
  planPerson(p, h, { policy, now, paused: false, managerOf: (id) => ({ id, timeZone: undefined }) });
const stopped = (iso: string, app = "Office 365 Exchange Online") => ({ at: at(iso), app });

// Pilot deadline: Tuesday 2026-12-01; reminders Mon to Fri, 10:00 to 16:00 London (GMT in winter).
describe("someone Entra ID stopped at sign-in", () => {
  it("gets the help card instead of the day's reminder, naming the latest sign-in", () => {
    const h = history({ signInInterrupts: [stopped("2026-11-17T08:40:00Z", "Microsoft Teams"), stopped("2026-11-16T09:00:00Z")] });
    const [d] = plan(person(), h, at("2026-11-17T11:00:00Z")) as [RemindDecision];
    expect(d).toMatchObject({
      action: "remind",
      phase: "Pilot",
      step: "signin-2026-11-17",
      signIn: { at: "2026-11-17T08:40:00.000Z", app: "Microsoft Teams" },
      reason: "stopped at sign-in to Microsoft Teams at 2026-11-17T08:40:00.000Z; help card instead of the reminder",
    });
  });

  it("calls the help card 'first' only for someone not yet reminded in the phase", () => {
    const stop = { signInInterrupts: [stopped("2026-11-17T08:40:00Z")] };
    const fresh = plan(person(), history(stop), at("2026-11-17T11:00:00Z"))[0];
    expect(fresh).toMatchObject({ action: "remind", step: "signin-2026-11-17", kind: "first" });
    // One reminder in the Pilot phase already (sent the day before): the help card follows it up.
    const reminded = history({
      ...stop,
      steps: ["Pilot:d-15"],
      remindersByPhase: { Pilot: 1 },
      lastReminderAt: at("2026-11-16T10:00:00Z"),
    });
    expect(plan(person(), reminded, at("2026-11-17T11:00:00Z"))[0]).toMatchObject({ step: "signin-2026-11-17", kind: "upcoming" });
  });

  it("is helped even past the overdue limit, when the schedule has nothing left to send", () => {
    // Five overdue reminders (overdueMax) by Tuesday 15 December; twelve working days after the deadline it is over.
    const h = history({
      steps: ["Pilot:o-1", "Pilot:o-2", "Pilot:o-3", "Pilot:o-4", "Pilot:o-5"],
      lastReminderAt: at("2026-12-15T10:00:00Z"),
    });
    const none = plan(person(), h, at("2026-12-18T11:00:00Z"))[0] as SkipDecision;
    expect(none.skip).toBe("overdueLimit");
    const helped = plan(person(), { ...h, signInInterrupts: [stopped("2026-12-18T08:00:00Z")] }, at("2026-12-18T11:00:00Z"))[0];
    expect(helped).toMatchObject({ action: "remind", step: "signin-2026-12-18", kind: "overdue" });
  });

  it.each<[string, PersonHistory, number, SkipDecision["skip"] | "reminder", string]>([
    [
      "stopped before their last card: the ordinary schedule stands",
      history({ signInInterrupts: [stopped("2026-11-16T08:00:00Z")], lastReminderAt: at("2026-11-16T10:00:00Z") }),
      at("2026-11-17T11:00:00Z"),
      "reminder",
      "14 days before the Pilot deadline (2026-12-01)",
    ],
    [
      "stopped at the very instant of their last card: the card already answered it",
      history({ signInInterrupts: [stopped("2026-11-16T10:00:00Z")], lastReminderAt: at("2026-11-16T10:00:00Z") }),
      at("2026-11-17T11:00:00Z"),
      "reminder",
      "14 days before the Pilot deadline (2026-12-01)",
    ],
    [
      "stopped again after today's card: no second card today",
      history({ signInInterrupts: [stopped("2026-11-17T12:00:00Z")], lastReminderAt: at("2026-11-17T10:30:00Z") }),
      at("2026-11-17T13:00:00Z"),
      "remindedToday",
      "stopped at sign-in, but already sent a card today",
    ],
    [
      "stopped at 07:00, before their reminder hours: the card waits for 10:00",
      history({ signInInterrupts: [stopped("2026-11-17T07:00:00Z")] }),
      at("2026-11-17T07:30:00Z"),
      "outsideWindow",
      "stopped at sign-in; help waits for their reminder hours (Europe/London), 2026-11-17T10:00:00.000Z",
    ],
    [
      "stopped eight days ago: outside the 7-day window",
      history({ signInInterrupts: [stopped("2026-11-09T11:00:00Z")] }),
      at("2026-11-17T11:00:00Z"),
      "reminder",
      "14 days before the Pilot deadline (2026-12-01)",
    ],
  ])("%s", (_name, h, now, expected, reason) => {
    const [d] = plan(person(), h, now);
    if (expected === "reminder") expect(d).toMatchObject({ action: "remind", step: "d-14", reason });
    else expect(d).toMatchObject({ action: "none", skip: expected, reason });
    expect((d as RemindDecision).signIn).toBeUndefined();
  });

  it.each<[string, Person, PersonHistory, SkipDecision["skip"]]>([
    ["registered since", person({ isMfaRegistered: true, methodsRegistered: ["microsoftAuthenticatorPush"] }), history(), "registered"],
    ["a break-glass account", person({ userPrincipalName: "admin-emergency-01@contoso.com" }), history(), "excluded"],
    ["a guest", person({ userType: "Guest" }), history(), "excluded"],
    ["they asked to be reminded later", person(), history({ snoozedUntil: at("2026-11-18T10:00:00Z"), snoozeCount: 1 }), "snoozed"],
    ["Teams refuses them", person(), history({ unreachableUntil: at("2026-11-20T00:00:00Z") }), "unreachable"],
  ])("is not helped when %s", (_name, p, h, skip) => {
    const withStop = { ...h, signInInterrupts: [stopped("2026-11-17T08:00:00Z")] };
    const [d] = plan(p, withStop, at("2026-11-17T11:00:00Z"));
    expect(d).toMatchObject({ action: "none", skip });
  });
});
