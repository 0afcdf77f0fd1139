import type { CardContext, CardName, StatusCard } from "../../src/cards/card-data.js";
import { adminSampleCards, sampleStatus } from "./admin-card-samples.js";
import { sampleCards, sampleContext, type CardSample } from "./card-samples.js";

// Directory text at Entra's maximum lengths (learn.microsoft.com, Graph "user resource type"):
// displayName 256, givenName and department 64, userPrincipalName 113 (64 before the @, 48 after).
// Real names with the punctuation real names have, which the Markdown escaping lengthens.
const fill = (pattern: string, length: number) => pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
export const LONGEST = {
  displayName: fill("Maximiliane-Theodora (Contractor) [EXT] O'Brien-Hohenberg_Schwarzenfels; ", 256),
  givenName: fill("Maximiliane-Theodora-Alexandra ", 64),
  department: fill("Facilities & Workplace Management (EMEA) ", 64),
  userPrincipalName: `${fill("maximiliane.theodora.obrien-hohenberg_", 64)}@${fill("facilities-emea.contoso-", 43)}.com`,
  phase: fill("Everyone else in Facilities (wave 3) ", 64),
  reason: fill("the app is blocked by a Teams app permission policy ", 120),
};

const BIGGEST_TENANT = 100_000;
const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** Every text field that holds directory or campaign text replaced by its longest realistic value. */
function longest<T>(value: T, key = ""): T {
  if (typeof value === "string") {
    if (key === "displayName" || key === "managerName" || key === "by") return LONGEST.displayName as T;
    if (key === "firstName" || key === "managerFirstName") return LONGEST.givenName as T;
    if (key === "department") return LONGEST.department as T;
    if (key === "userPrincipalName") return LONGEST.userPrincipalName as T;
    if (key === "phase" || key === "name") return LONGEST.phase as T;
    if (key === "reason" || key === "unreachable" || key === "excludedBecause") return LONGEST.reason as T;
    return value;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => longest(item, key)) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, longest(item, k)])) as T;
}

function bigStatus(): StatusCard {
  const status = longest(sampleStatus());
  const person = status.unreachable[0] ?? { displayName: "", userPrincipalName: "", code: null };
  return {
    ...status,
    members: BIGGEST_TENANT,
    registered: 61_234,
    admins: 412,
    adminsNotRegistered: 37,
    trend: Array.from({ length: 365 }, (_, i) => ({ date: day(i), percentRegistered: Math.min(99.9, i / 3.6) })),
    phases: Array.from({ length: 40 }, (_, i) => ({
      name: LONGEST.phase,
      deadline: i % 2 === 0 ? day(i) : null,
      deadlineDaysAfterFirstReminder: i % 2 === 0 ? null : 14,
      members: 2_500,
      registered: 1_234,
    })),
    furthestBehind: Array.from({ length: 300 }, (_, i) => ({ department: LONGEST.department, members: 400 + i, registered: i })),
    unreachable: Array.from({ length: 5_000 }, () => person),
    unreachableCount: 5_000,
  };
}

function sample<N extends CardName>(label: string, name: N, card: CardSample<N>["card"], context: CardContext): CardSample {
  return { label, name, card, context };
}

/**
 * Every card the bot sends, built from the largest data it can realistically meet: a tenant of
 * 100,000, a manager of 500, a year of trend, hundreds of history entries, and every name at Entra's
 * maximum length; the campaign's own texts as long as the campaign file allows them.
 */
export function largestSamples(): CardSample[] {
  const context: CardContext = {
    ...sampleContext("en"),
    senderName: fill("Contoso Group IT Service Desk (Europe, Middle East & Africa) ", 120),
    helpdesk: {
      name: fill("Contoso Group IT Service Desk (Europe, Middle East & Africa) ", 120),
      url: `https://help.contoso.com/${fill("servicedesk/mfa-rollout/", 120)}`,
      email: "it-servicedesk-emea@contoso.com",
    },
  };
  const everyCard = [...sampleCards("en"), ...adminSampleCards("en")].map((s) => ({
    ...s,
    label: `longest names: ${s.label}`,
    card: longest(s.card),
    context,
  }));
  const reports = Array.from({ length: 500 }, (_, i) => ({
    displayName: LONGEST.displayName,
    userPrincipalName: LONGEST.userPrincipalName,
    phase: LONGEST.phase,
    deadline: day(60 + (i % 30)),
    daysLeft: (i % 40) - 20,
    reminders: i % 6,
    stoppedAtSignIn: true,
  }));
  const people = Array.from({ length: 10 }, (_, i) => ({
    displayName: LONGEST.displayName,
    userPrincipalName: LONGEST.userPrincipalName,
    department: LONGEST.department,
    deadline: day(60),
    daysLeft: i - 5,
    reminders: 3,
    stopped: { app: LONGEST.displayName, at: "2025-03-11T07:42:00Z" },
  }));
  const events = Array.from({ length: 400 }, (_, i) => ({
    at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    what: i % 3 === 0 ? "Pressed I've done it; nothing sufficient registered yet" : "Reminder d-3: sent",
  }));
  const status = bigStatus();
  return [
    ...everyCard,
    sample(
      "digest for a manager of 500",
      "digest",
      {
        managerFirstName: LONGEST.givenName,
        reports,
        team: { members: 500, registered: 0 },
        organisation: { members: BIGGEST_TENANT, registered: 61_234 },
        remindAvailable: true,
        digestId: "outbox-digest-42",
        managerId: "7c1d9e2f-0a3b-4c5d-8e6f-1a2b3c4d5e6f",
      },
      context,
    ),
    sample("status of 100,000 people", "status", status, context),
    sample(
      "daily report of 100,000 people, 5,000 newly unreachable",
      "adminReport",
      {
        status,
        newlyRegistered: 12_345,
        newlyUnreachable: Array.from({ length: 5_000 }, () => ({
          displayName: LONGEST.displayName,
          userPrincipalName: LONGEST.userPrincipalName,
        })),
        failures: 5_000,
      },
      context,
    ),
    sample(
      "pending page of 10 among 100,000",
      "pending",
      {
        filter: LONGEST.department,
        blocked: true,
        page: 4_321,
        pageCount: 10_000,
        total: BIGGEST_TENANT,
        people,
        nextCommand: `mfa pending ${LONGEST.department} 4322`,
      },
      context,
    ),
    sample(
      "user with 400 history entries",
      "user",
      {
        displayName: LONGEST.displayName,
        userPrincipalName: LONGEST.userPrincipalName,
        department: LONGEST.department,
        managerName: LONGEST.displayName,
        registered: false,
        methodsRegistered: ["mobilePhone", "email", "softwareOneTimePasscode", "officePhone", "alternateMobilePhone"],
        excludedBecause: null,
        phase: LONGEST.phase,
        deadline: day(60),
        daysLeft: -3,
        // The longest code Teams or Graph gives, with what it means.
        unreachable: { code: "ConversationBlockedByUser" },
        events,
      },
      context,
    ),
    sample(
      "preview of a run of 100,000",
      "preview",
      {
        remind: 38_000,
        escalate: 2_100,
        skipped: { registered: 61_234, excluded: 412, notYet: 120, outsideWindow: 17_000, snoozed: 340, remindedToday: 200 },
        sample: Array.from({ length: 400 }, () => ({
          userPrincipalName: LONGEST.userPrincipalName,
          action: "escalate" as const,
          phase: LONGEST.phase,
          deadline: day(60),
          reason: LONGEST.reason,
        })),
      },
      context,
    ),
  ];
}
