import { afterEach, describe, expect, it, vi } from "vitest";
import type { CardContext } from "../../src/cards/card-data.js";
import * as cards from "../../src/cards/render-card.js";
import type { OutboxPayload } from "../../src/delivery/outbox-payload.js";
import { renderOutboxMessage } from "../../src/delivery/render-outbox-message.js";
import type { OutboxRow } from "../../src/store/outbox.js";
import type { PersonState } from "../../src/store/people-state.js";
import { examplePolicy } from "../campaign/campaign-fixture.js";
import { visibleText } from "../cards/card-nodes.js";
import { expectedText } from "../support/expected-text.js";

/*
 * The real renderer, watched: each test says which card the row asks for and the facts it should
 * be given (days left counted by hand on the reader's calendar, the reader's language and zone),
 * and reads some of the rendered text back against the string tables.
 */
vi.mock("../../src/cards/render-card.js", async (original) => {
  const real = await original<typeof cards>();
  return { ...real, renderCard: vi.fn(real.renderCard) };
});
const renderCard = vi.mocked(cards.renderCard);
afterEach(() => renderCard.mockClear());

// Friday 4 December 2026, 23:30 in London (the campaign's zone) and already Saturday the 5th, 00:30, in Berlin.
const now = Date.UTC(2026, 11, 4, 23, 30);
const serviceUrl = "https://smba.trafficmanager.net/emea/";
const policy = examplePolicy(); // snooze max 3, Europe/London, requirement mfa

function row(payload: OutboxPayload): OutboxRow {
  return {
    id: "outbox-7",
    dedupe_key: "reminder:u1:Everyone:d-7",
    kind: "reminder",
    user_id: "u1",
    recipient_id: "recipient-1",
    phase: "Everyone",
    step: "d-7",
    payload: JSON.stringify(payload),
    status: "sending",
    attempts: 0,
    not_before: new Date(now).toISOString(),
    lease_until: null,
    claimed_by: null,
    created_at: new Date(now).toISOString(),
    sent_at: null,
    activity_id: null,
    conversation_id: null,
    last_error: null,
  };
}

function state(over: Partial<PersonState>): PersonState {
  return {
    user_id: "recipient-1",
    time_zone: null,
    snoozed_until: null,
    snooze_count: 0,
    last_answer_at: null,
    confirmed_registered_at: null,
    unreachable_until: null,
    unreachable_reason: null,
    unreachable_code: null,
    conversation_id: null,
    service_url: null,
    locale: null,
    updated_at: new Date(now).toISOString(),
    ...over,
  };
}

function context(language: CardContext["language"], timeZone: string): CardContext {
  return {
    language,
    timeZone,
    senderName: "IT Service Desk",
    registrationUrl: "https://aka.ms/mysecurityinfo",
    helpdesk: { name: "IT Service Desk", url: "https://contoso.sharepoint.com/sites/it/mfa", email: "servicedesk@contoso.com" },
    requirement: "mfa",
  };
}

const reminder: OutboxPayload = {
  card: "reminder",
  kind: "upcoming",
  deadline: "2026-12-10",
  firstName: "Anna",
  preferredLanguage: "fr-FR",
  methodsRegistered: ["mobilePhone"],
};

/** The one card rendered, as the activity carries it. */
function onlyCard(activity: Record<string, unknown>) {
  expect(renderCard).toHaveBeenCalledTimes(1);
  const card = renderCard.mock.results[0]?.value as cards.AdaptiveCard;
  expect(activity).toEqual({ type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }] });
  return card;
}

describe("rendering an outbox row at send time", () => {
  it("posts a channel card as queued, into the channel's conversation", () => {
    const content = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Delivery has stopped" }] };
    const rendered = renderOutboxMessage(
      policy,
      serviceUrl,
      row({ card: "channel", conversationId: "19:admins@thread.tacv2", content }),
      undefined,
      now,
    );
    expect(rendered).toEqual({
      activity: { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content }] },
      conversation: { conversationId: "19:admins@thread.tacv2", serviceUrl },
    });
    expect(renderCard).not.toHaveBeenCalled();
  });

  it("renders a reminder in the language and on the calendar Teams last gave, with a snooze left", () => {
    const rendered = renderOutboxMessage(
      policy,
      serviceUrl,
      row(reminder),
      state({ locale: "de-DE", time_zone: "Europe/Berlin", snooze_count: 2 }),
      now,
    );
    expect(rendered.conversation).toBeUndefined();
    expect(renderCard).toHaveBeenCalledWith(
      "reminder",
      {
        kind: "upcoming",
        firstName: "Anna",
        deadline: "2026-12-10",
        daysLeft: 5, // Saturday 5th to Thursday 10th in Berlin
        methodsRegistered: ["mobilePhone"],
        snoozeAvailable: true,
        outboxId: "outbox-7",
        userId: "recipient-1",
      },
      context("de", "Europe/Berlin"),
    );
    const text = visibleText(onlyCard(rendered.activity));
    expect(text).toContain(expectedText("de", "deadline.daysLeft.other", { count: "5" }));
    expect(text).toContain(expectedText("de", "reminder.intro.upcoming", { firstName: "Anna" }));
  });

  it("falls back to the directory's language and the campaign's zone, and offers no snooze once all three are used", () => {
    const rendered = renderOutboxMessage(policy, serviceUrl, row(reminder), state({ snooze_count: 3 }), now);
    expect(renderCard).toHaveBeenCalledWith(
      "reminder",
      expect.objectContaining({ daysLeft: 6, snoozeAvailable: false }), // still Friday 4th in London
      context("fr", "Europe/London"),
    );
    const text = visibleText(onlyCard(rendered.activity));
    expect(text).toContain(expectedText("fr", "deadline.daysLeft.other", { count: "6" }));
  });

  it("offers a snooze to someone the store knows nothing about yet", () => {
    renderOutboxMessage(policy, serviceUrl, row({ ...reminder, preferredLanguage: null }), undefined, now);
    expect(renderCard).toHaveBeenCalledWith(
      "reminder",
      expect.objectContaining({ daysLeft: 6, snoozeAvailable: true }),
      context("en", "Europe/London"),
    );
  });

  it("renders the sign-in help card with the app and the time of the interrupted sign-in", () => {
    const rendered = renderOutboxMessage(
      policy,
      serviceUrl,
      row({
        card: "signInHelp",
        deadline: "2026-12-10",
        firstName: "Jonas",
        preferredLanguage: "nl-BE",
        methodsRegistered: [],
        app: "Outlook",
        at: "2026-12-04T08:15:00Z",
      }),
      state({ locale: "xx", time_zone: "Europe/Amsterdam" }),
      now,
    );
    expect(renderCard).toHaveBeenCalledWith(
      "signInHelp",
      { firstName: "Jonas", app: "Outlook", at: "2026-12-04T08:15:00Z", outboxId: "outbox-7", userId: "recipient-1" },
      context("nl", "Europe/Amsterdam"),
    );
    expect(visibleText(onlyCard(rendered.activity))).toContain("Outlook");
  });

  it("renders an escalation to the manager, with the person's department and days left", () => {
    const rendered = renderOutboxMessage(
      policy,
      serviceUrl,
      row({
        card: "escalation",
        deadline: "2026-12-01",
        managerFirstName: "Maria",
        preferredLanguage: "es",
        person: { id: "u1", displayName: "Anna Berg", userPrincipalName: "anna@contoso.com", department: "Finance" },
        remindersSent: 3,
      }),
      undefined,
      now,
    );
    expect(renderCard).toHaveBeenCalledWith(
      "escalation",
      {
        managerFirstName: "Maria",
        person: { displayName: "Anna Berg", userPrincipalName: "anna@contoso.com", department: "Finance" },
        remindersSent: 3,
        deadline: "2026-12-01",
        daysLeft: -3, // three days overdue on Friday the 4th in London
      },
      context("es", "Europe/London"),
    );
    const text = visibleText(onlyCard(rendered.activity));
    expect(text).toContain("Finance");
    expect(text).toContain("anna@contoso.com");
  });

  it("leaves the department out of an escalation when the directory has none", () => {
    renderOutboxMessage(
      policy,
      serviceUrl,
      row({
        card: "escalation",
        deadline: "2026-12-04",
        managerFirstName: "Maria",
        preferredLanguage: null,
        person: { id: "u1", displayName: "Anna Berg", userPrincipalName: "anna@contoso.com", department: null },
        remindersSent: 4,
      }),
      undefined,
      now,
    );
    expect(renderCard.mock.calls[0]?.[1]).toStrictEqual({
      managerFirstName: "Maria",
      person: { displayName: "Anna Berg", userPrincipalName: "anna@contoso.com" },
      remindersSent: 4,
      deadline: "2026-12-04",
      daysLeft: 0,
    });
  });

  it("renders a digest with each report's days left, marking who was stopped at sign-in (unknown counts as not)", () => {
    const rendered = renderOutboxMessage(
      policy,
      serviceUrl,
      row({
        card: "digest",
        managerFirstName: "Maria",
        preferredLanguage: "en-GB",
        reports: [
          {
            personId: "u1",
            displayName: "Anna Berg",
            userPrincipalName: "anna@contoso.com",
            phase: "Everyone",
            deadline: "2026-12-18",
            reminders: 2,
            stoppedAtSignIn: true,
          },
          {
            personId: "u2",
            displayName: "Ben Cole",
            userPrincipalName: "ben@contoso.com",
            phase: "Pilot",
            deadline: "2026-12-01",
            reminders: 5,
          },
        ],
        team: { members: 6, registered: 4 },
        organisation: { members: 120, registered: 90 },
      }),
      state({ time_zone: "Europe/Berlin" }),
      now,
    );
    expect(renderCard).toHaveBeenCalledWith(
      "digest",
      {
        managerFirstName: "Maria",
        reports: [
          {
            displayName: "Anna Berg",
            userPrincipalName: "anna@contoso.com",
            phase: "Everyone",
            deadline: "2026-12-18",
            daysLeft: 13, // from Saturday the 5th in Berlin
            reminders: 2,
            stoppedAtSignIn: true,
          },
          {
            displayName: "Ben Cole",
            userPrincipalName: "ben@contoso.com",
            phase: "Pilot",
            deadline: "2026-12-01",
            daysLeft: -4,
            reminders: 5,
            stoppedAtSignIn: false,
          },
        ],
        team: { members: 6, registered: 4 },
        organisation: { members: 120, registered: 90 },
        remindAvailable: true,
        digestId: "outbox-7",
        managerId: "recipient-1",
      },
      context("en", "Europe/Berlin"),
    );
    const text = visibleText(onlyCard(rendered.activity));
    expect(text).toContain("Ben Cole");
  });
});
