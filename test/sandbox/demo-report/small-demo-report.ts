import { renderCard } from "../../../src/cards/render-card.js";
import type { DemoReportData } from "../../../src/sandbox/demo/report/demo-report-data.js";
import { sampleContext } from "../../cards/card-samples.js";

const context = sampleContext("en");
const deadline = "2025-03-14";

/** The display name a hostile or careless directory might hold: every character HTML cares about. */
export const AWKWARD_NAME = `Anna <script>alert("hi")</script> O'Brien & Co`;

/**
 * Three days, three people, built by hand: one who registers after a reminder, one who snoozes,
 * asks for help and is escalated, and one excluded account that receives nothing. Registered share
 * ends at 16 of 25, "64.0 %".
 */
export function smallDemoReport(): DemoReportData {
  const ids = (userId: string) => ({ outboxId: `outbox-${userId}`, userId });
  return {
    campaignName: "Contoso MFA <rollout> & more",
    tenantSize: 25,
    seed: 7,
    startedAt: "2025-03-10T08:00:00Z",
    endedAt: "2025-03-12T18:00:00Z",
    days: [
      {
        date: "2025-03-10",
        members: 25,
        registered: 10,
        reminders: 14,
        escalations: 0,
        snoozes: 2,
        helpRequests: 0,
        stoppedAtSignIn: 0,
        signInHelp: 0,
      },
      {
        date: "2025-03-11",
        members: 25,
        registered: 13,
        reminders: 9,
        escalations: 1,
        snoozes: 1,
        helpRequests: 1,
        stoppedAtSignIn: 0,
        signInHelp: 0,
      },
      {
        date: "2025-03-12",
        members: 25,
        registered: 16,
        reminders: 6,
        escalations: 2,
        snoozes: 0,
        helpRequests: 0,
        stoppedAtSignIn: 0,
        signInHelp: 0,
      },
    ],
    people: [
      {
        id: "u-anna",
        displayName: AWKWARD_NAME,
        userPrincipalName: "anna.obrien@contoso.com",
        department: "Finance & Tax",
        outcome: "Registered on day 1 after 1 reminder",
        registeredOn: "2025-03-10",
        messages: [
          {
            at: "2025-03-10T09:00:00Z",
            kind: "reminder",
            label: "Reminder (4 days left)",
            card: renderCard(
              "reminder",
              {
                kind: "first",
                firstName: AWKWARD_NAME,
                deadline,
                daysLeft: 4,
                methodsRegistered: [],
                snoozeAvailable: true,
                ...ids("u-anna"),
              },
              context,
            ),
          },
          {
            at: "2025-03-10T11:42:00Z",
            kind: "reply",
            label: "After pressing: I've done it",
            card: renderCard("thankYou", { firstName: AWKWARD_NAME, methodsRegistered: ["microsoftAuthenticatorPush"] }, context),
          },
        ],
      },
      {
        id: "u-bernd",
        displayName: "Bernd Meyer",
        userPrincipalName: "bernd.meyer@contoso.com",
        department: null,
        outcome: "Still not registered",
        registeredOn: null,
        messages: [
          {
            at: "2025-03-10T09:00:00Z",
            kind: "reminder",
            label: "Reminder (4 days left)",
            card: renderCard(
              "reminder",
              { kind: "first", firstName: "Bernd", deadline, daysLeft: 4, methodsRegistered: [], snoozeAvailable: true, ...ids("u-bernd") },
              context,
            ),
          },
          {
            at: "2025-03-10T09:05:00Z",
            kind: "reply",
            label: "After pressing: Remind me later",
            card: renderCard(
              "snoozed",
              { until: "2025-03-11T09:00:00Z", snoozesLeft: 1, refused: false, deadline, ...ids("u-bernd") },
              context,
            ),
          },
          {
            at: "2025-03-11T13:32:00Z",
            kind: "helpdesk",
            label: "Helpdesk notice after: I need help",
            card: renderCard(
              "helpdeskNotice",
              {
                person: { displayName: "Bernd Meyer", userPrincipalName: "bernd.meyer@contoso.com", id: "u-bernd" },
                deadline,
                daysLeft: 3,
                methodsRegistered: [],
                requestedAt: "2025-03-11T13:32:00Z",
              },
              context,
            ),
          },
          {
            at: "2025-03-12T09:00:00Z",
            kind: "escalation",
            label: "Escalation to Carla Ruiz",
            card: renderCard(
              "escalation",
              {
                managerFirstName: "Carla",
                person: { displayName: "Bernd Meyer", userPrincipalName: "bernd.meyer@contoso.com" },
                remindersSent: 2,
                deadline,
                daysLeft: 2,
              },
              context,
            ),
          },
        ],
      },
      {
        id: "u-breakglass",
        displayName: "Emergency Access 01",
        userPrincipalName: "breakglass01@contoso.onmicrosoft.com",
        department: null,
        outcome: "Excluded: break-glass account",
        registeredOn: null,
        messages: [],
      },
    ],
    totals: { reminders: 29, escalations: 3, snoozes: 3, helpRequests: 1, unreachable: 2, excluded: 1 },
    enforcement: { date: "2025-03-11", peopleStopped: 5, helpCards: 6, peopleHelped: 4, registeredAfterHelp: 3 },
  };
}
