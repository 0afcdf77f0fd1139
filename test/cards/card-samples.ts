import type { CardContext, CardDataByName, CardName, Language, Requirement } from "../../src/cards/card-data.js";

export const LANGUAGES: readonly Language[] = ["en", "de", "fr", "es", "nl"];
export const REQUIREMENTS: readonly Requirement[] = ["mfa", "authenticator", "phishingResistant"];
export const REGISTRATION_URL = "https://aka.ms/mysecurityinfo";

export function sampleContext(language: Language, requirement: Requirement = "mfa"): CardContext {
  return {
    language,
    timeZone: "Europe/Berlin",
    senderName: "Contoso IT Service Desk",
    registrationUrl: REGISTRATION_URL,
    helpdesk: { name: "Contoso Service Desk", url: "https://help.contoso.com", email: "servicedesk@contoso.com" },
    requirement,
  };
}

/** One card to render: a label for failure messages and previews, and what renderCard takes. */
export interface CardSample<N extends CardName = CardName> {
  label: string;
  name: N;
  card: CardDataByName[N];
  context: CardContext;
}

function sample<N extends CardName>(label: string, name: N, card: CardDataByName[N], context: CardContext): CardSample {
  return { label, name, card, context };
}

const IDS = { outboxId: "outbox-7f3a", userId: "9f1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d" };

const REMINDERS = [
  { kind: "first", daysLeft: 14 },
  { kind: "upcoming", daysLeft: 3 },
  { kind: "upcoming", daysLeft: 1 },
  { kind: "dueToday", daysLeft: 0 },
  { kind: "overdue", daysLeft: -2 },
] as const;

// Someone who already has something: only SMS, which meets "mfa" but not the stricter two.
const SMS_ONLY = ["mobilePhone"];

/** Every card of the family in one language, covering each kind, requirement and optional part. */
export function sampleCards(language: Language): CardSample[] {
  const samples: CardSample[] = [];
  for (const requirement of REQUIREMENTS) {
    const context = sampleContext(language, requirement);
    for (const { kind, daysLeft } of REMINDERS) {
      for (const snoozeAvailable of [true, false]) {
        samples.push(
          sample(
            `reminder ${kind} ${daysLeft}d ${requirement}${snoozeAvailable ? "" : " no-snooze"}`,
            "reminder",
            {
              kind,
              firstName: "Anna",
              deadline: "2025-03-14",
              daysLeft,
              methodsRegistered: [],
              snoozeAvailable,
              ...IDS,
            },
            context,
          ),
        );
      }
    }
    samples.push(
      sample(
        `reminder upcoming ${requirement} with SMS only`,
        "reminder",
        {
          kind: "upcoming",
          firstName: "Anna",
          deadline: "2025-03-14",
          daysLeft: 3,
          methodsRegistered: SMS_ONLY,
          snoozeAvailable: true,
          ...IDS,
        },
        context,
      ),
      sample(
        `stillMissing ${requirement} found SMS`,
        "stillMissing",
        {
          kind: "upcoming",
          firstName: "Anna",
          deadline: "2025-03-14",
          daysLeft: 3,
          methodsRegistered: SMS_ONLY,
          methodsFound: SMS_ONLY,
          snoozeAvailable: true,
          ...IDS,
        },
        context,
      ),
      sample(`noSmartphone ${requirement}`, "noSmartphone", { ...IDS }, context),
      sample(
        `signInHelp ${requirement}`,
        "signInHelp",
        { firstName: "Anna", app: "Office 365 Exchange Online", at: "2025-03-17T07:42:00Z", ...IDS },
        context,
      ),
      sample(
        `stillMissing ${requirement} found nothing, hardware token note`,
        "stillMissing",
        {
          kind: "first",
          firstName: "Anna",
          deadline: "2025-03-14",
          daysLeft: 10,
          methodsRegistered: [],
          methodsFound: [],
          snoozeAvailable: true,
          hardwareTokenNote: requirement !== "phishingResistant",
          ...IDS,
        },
        context,
      ),
    );
  }

  const context = sampleContext(language);
  samples.push(
    sample("thankYou", "thankYou", { firstName: "Anna", methodsRegistered: ["microsoftAuthenticatorPush", "mobilePhone"] }, context),
    sample("checking", "checking", { state: "checking", firstName: "Anna", ...IDS }, context),
    sample("checking later", "checking", { state: "later", firstName: "Anna", ...IDS }, context),
    sample(
      "stillMissing found nothing, overdue",
      "stillMissing",
      {
        kind: "overdue",
        firstName: "Anna",
        deadline: "2025-03-14",
        daysLeft: -1,
        methodsRegistered: [],
        methodsFound: [],
        snoozeAvailable: false,
        ...IDS,
      },
      context,
    ),
    sample(
      "snoozed, 2 left",
      "snoozed",
      { until: "2025-03-11T09:00:00Z", snoozesLeft: 2, refused: false, deadline: "2025-03-14", ...IDS },
      context,
    ),
    sample(
      "snoozed, last one",
      "snoozed",
      { until: "2025-03-11T09:00:00Z", snoozesLeft: 0, refused: false, deadline: "2025-03-14", ...IDS },
      context,
    ),
    sample(
      "snoozeRefused",
      "snoozed",
      { until: "2025-03-11T09:00:00Z", snoozesLeft: 0, refused: true, deadline: "2025-03-14", ...IDS },
      context,
    ),
    sample("helpRequested", "helpRequested", {}, context),
    sample(
      "helpRequested, helpdesk without contact details",
      "helpRequested",
      {},
      {
        ...context,
        helpdesk: { name: "Contoso Service Desk" },
      },
    ),
    sample(
      "escalation, 3 days left",
      "escalation",
      {
        managerFirstName: "Bernd",
        person: { displayName: "Anna Schmidt", userPrincipalName: "anna.schmidt@contoso.com", department: "Finance" },
        remindersSent: 3,
        deadline: "2025-03-14",
        daysLeft: 3,
      },
      context,
    ),
    sample(
      "escalation, overdue, no department",
      "escalation",
      {
        managerFirstName: "Bernd",
        person: { displayName: "Anna Schmidt", userPrincipalName: "anna.schmidt@contoso.com" },
        remindersSent: 1,
        deadline: "2025-03-14",
        daysLeft: -5,
      },
      { ...context, helpdesk: { name: "Contoso Service Desk", email: "servicedesk@contoso.com" } },
    ),
    sample(
      "helpdeskNotice",
      "helpdeskNotice",
      {
        person: {
          displayName: "Anna Schmidt",
          userPrincipalName: "anna.schmidt@contoso.com",
          department: "Finance",
          id: "9f1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
        },
        deadline: "2025-03-14",
        daysLeft: 3,
        methodsRegistered: SMS_ONLY,
        requestedAt: "2025-03-11T13:32:00Z",
      },
      context,
    ),
  );
  return samples;
}
