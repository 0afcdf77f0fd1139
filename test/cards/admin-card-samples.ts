import type { CardContext, CardName, DoctorCard, Language, StatusCard } from "../../src/cards/card-data.js";
import { listedCommands } from "../../src/chatops/chat-commands.js";
import { sampleContext, type CardSample } from "./card-samples.js";

// Samples for the cards admins and managers see: every card, with each optional part shown and
// hidden at least once. Dates sit around Tuesday 11 March 2025, in Europe/Berlin like the reader.

function sample<N extends CardName>(label: string, name: N, card: CardSample<N>["card"], context: CardContext): CardSample {
  return { label, name, card, context };
}

const TREND = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-10", "2025-03-11"].map((date, i) => ({
  date,
  percentRegistered: [41.2, 44.9, 49.3, 52.8, 55.1, 60.4, 64.2][i] ?? 0,
}));

/** Mid-rollout: 1,234 of 1,922 registered, two phases, seven unreachable, reminders paused. */
export function sampleStatus(): StatusCard {
  return {
    members: 1922,
    registered: 1234,
    admins: 14,
    adminsNotRegistered: 2,
    lastSync: "2025-03-11T05:00:00Z",
    trend: TREND,
    byState: { registered: 1234, remindedNotRegistered: 512, notYetReminded: 131, snoozed: 26, unreachable: 7, excluded: 12 },
    phases: [
      { name: "Pilot", deadline: "2025-03-14", deadlineDaysAfterFirstReminder: null, members: 120, registered: 111 },
      { name: "Everyone else", deadline: null, deadlineDaysAfterFirstReminder: 14, members: 1802, registered: 1123 },
    ],
    furthestBehind: [
      { department: "Warehouse", members: 310, registered: 96 },
      { department: "Finance", members: 84, registered: 61 },
      { department: "Field Sales", members: 230, registered: 101 },
      { department: "Customer Service", members: 402, registered: 250 },
      { department: "Facilities", members: 45, registered: 20 },
      { department: "Engineering", members: 520, registered: 480 },
    ],
    unreachable: [
      { displayName: "Jonas Weber", userPrincipalName: "jonas.weber@contoso.com", code: "BotNotInConversationRoster" },
      { displayName: "Marie Dubois", userPrincipalName: "marie.dubois@contoso.com", code: "Forbidden" },
      { displayName: "Lucía García", userPrincipalName: "lucia.garcia@contoso.com", code: "BotNotInConversationRoster" },
      { displayName: "Pieter de Vries", userPrincipalName: "pieter.devries@contoso.com", code: "BotNotInConversationRoster" },
      { displayName: "Tom Baker", userPrincipalName: "tom.baker@contoso.com", code: "ConversationBlockedByUser" },
    ],
    unreachableCount: 7,
    signInInterrupts: {
      people: 9,
      topApps: [
        { app: "Office 365 Exchange Online", people: 6 },
        { app: "Microsoft Teams", people: 4 },
        { app: "OfficeHome", people: 1 },
      ],
    },
    paused: { by: "Dana Fischer", at: "2025-03-11T08:12:00Z" },
    enforcement: { state: "reportOnly", policies: ["Require MFA for all users"], checkedAt: "2025-03-11T07:30:00Z" },
  };
}

/** A doctor run with something of every kind: a permission missing, a break-glass gap, a report-only policy. */
export function sampleDoctorChecks(): DoctorCard["checks"] {
  const ok = (check: string, detail: string) => ({ check, status: "ok" as const, detail, fix: "" });
  return [
    ok("access.graphToken", "Graph accepted a token from the client secret of app 3f2a8c1e-6d4b-4b8e-9a51-0c7d2e9f4a11."),
    ok("access.permission.AuditLog.Read.All", "Granted: GET /reports/authenticationMethods/userRegistrationDetails?$top=1 answered."),
    {
      check: "access.permission.UserAuthenticationMethod.Read.All",
      status: "fail",
      detail:
        "Not granted: Graph answered 403 accessDenied for /users/7d1e5b7a-2f4c-4a8e-b0d2-6c9a1f3e8b20/authentication/methods: " +
        "Request Authorization failed",
      fix:
        "Grant the application permission UserAuthenticationMethod.Read.All (Entra admin center > App registrations > the app > " +
        'API permissions), then press "Grant admin consent".',
    },
    ok("access.licence", "The registration report answered, so the tenant has Entra ID P1 or P2."),
    ok("teams.catalogApp", '"MFA Nudge" is in the organisation\'s app catalog, catalog id 1542629c-01b3-4a6d-8f76-1938b779e48d.'),
    {
      check: "teams.appPackage",
      status: "warn",
      detail: "Not packaged yet: /srv/mfa-nudge/out/mfa-nudge-teams-app.zip does not exist.",
      fix: "Build it: TEAMS_APP_ID=... BOT_ID=... npm run package.",
    },
    ok("campaign.groups", "All 3 found: MFA pilot, Service accounts, MFA Nudge admins."),
    {
      check: "enforcement.breakGlass",
      status: "fail",
      detail: 'admin-emergency-02@contoso.com is not excluded from "Require MFA for all users" (report-only).',
      fix: "Exclude each named account (or a group holding it) under the policy's Users > Exclude in the Entra admin center.",
    },
    { check: "enforcement.registrationCampaign", status: "skipped", detail: "Skipped: grant Policy.Read.All to check.", fix: "" },
  ];
}

const PEOPLE = [
  {
    displayName: "Anna Schmidt",
    userPrincipalName: "anna.schmidt@contoso.com",
    department: "Sales",
    deadline: "2025-03-14",
    daysLeft: 3,
    reminders: 2,
    stopped: null,
  },
  {
    displayName: "Ben Okafor",
    userPrincipalName: "ben.okafor@contoso.com",
    department: "Sales",
    deadline: "2025-03-09",
    daysLeft: -2,
    reminders: 4,
    stopped: { app: "Office 365 Exchange Online", at: "2025-03-11T07:42:00Z" },
  },
  {
    displayName: "Chloé Martin",
    userPrincipalName: "chloe.martin@contoso.com",
    department: null,
    deadline: "2025-03-11",
    daysLeft: 0,
    reminders: 3,
    stopped: null,
  },
  {
    displayName: "David Jansen",
    userPrincipalName: "david.jansen@contoso.com",
    department: "Sales",
    deadline: null,
    daysLeft: null,
    reminders: 0,
    stopped: null,
  },
];

/** Every card for admins and managers in one language. */
export function adminSampleCards(language: Language): CardSample[] {
  const context = sampleContext(language);
  const status = sampleStatus();
  return [
    sample("status, paused, mid-rollout", "status", status, context),
    sample(
      "status, running, one day of trend, no unreachable",
      "status",
      {
        ...status,
        trend: TREND.slice(-1),
        unreachable: [],
        unreachableCount: 0,
        adminsNotRegistered: 0,
        paused: null,
        enforcement: { state: "conditionalAccess", policies: ["Require MFA for all users"], checkedAt: "2025-03-10T16:45:00Z" },
      },
      context,
    ),
    sample(
      "status, before the first sync",
      "status",
      {
        members: 0,
        registered: 0,
        admins: 0,
        adminsNotRegistered: 0,
        lastSync: null,
        trend: [],
        byState: { registered: 0, remindedNotRegistered: 0, notYetReminded: 0, snoozed: 0, unreachable: 0, excluded: 0 },
        phases: [],
        furthestBehind: [],
        unreachable: [],
        unreachableCount: 0,
        signInInterrupts: null,
        paused: null,
        enforcement: null,
      },
      context,
    ),
    sample(
      "doctor, problems, warnings and a skipped check",
      "doctor",
      { checks: sampleDoctorChecks(), checkedAt: "2025-03-11T09:15:00Z" },
      context,
    ),
    sample(
      "doctor, all good",
      "doctor",
      { checks: sampleDoctorChecks().filter((c) => c.status === "ok"), checkedAt: "2025-03-11T09:15:00Z" },
      context,
    ),
    sample(
      "pending, Sales, page 2 of 7",
      "pending",
      {
        filter: "Sales",
        blocked: false,
        page: 2,
        pageCount: 7,
        total: 120,
        people: PEOPLE,
        nextCommand: "mfa pending Sales 3",
      },
      context,
    ),
    sample(
      "pending, everyone, last page",
      "pending",
      {
        filter: null,
        blocked: true,
        page: 1,
        pageCount: 1,
        total: 1,
        people: PEOPLE.slice(0, 1),
        nextCommand: null,
      },
      context,
    ),
    sample(
      "pending, nobody left",
      "pending",
      { filter: "Finance", blocked: false, page: 1, pageCount: 1, total: 0, people: [], nextCommand: null },
      context,
    ),
    sample(
      "user, not registered, overdue",
      "user",
      {
        displayName: "Ben Okafor",
        userPrincipalName: "ben.okafor@contoso.com",
        department: "Sales",
        managerName: "Bernd Keller",
        registered: false,
        methodsRegistered: ["mobilePhone"],
        excludedBecause: null,
        phase: "Pilot",
        deadline: "2025-03-09",
        daysLeft: -2,
        unreachable: null,
        events: [
          { at: "2025-03-05T09:02:00Z", what: "Second reminder sent" },
          { at: "2025-02-24T09:00:00Z", what: "First reminder sent; deadline set to 9 March" },
          { at: "2025-03-07T14:31:00Z", what: 'Pressed "I need help"; helpdesk told' },
          { at: "2025-03-10T09:00:00Z", what: "Overdue reminder sent; manager told" },
        ],
      },
      context,
    ),
    sample(
      "user, registered, no department or manager, unreachable",
      "user",
      {
        displayName: "Marie Dubois",
        userPrincipalName: "marie.dubois@contoso.com",
        department: null,
        managerName: null,
        registered: true,
        methodsRegistered: ["microsoftAuthenticatorPush", "mobilePhone"],
        excludedBecause: null,
        phase: "Everyone else",
        deadline: "2025-03-20",
        daysLeft: 9,
        unreachable: { code: "Forbidden" },
        events: [],
      },
      context,
    ),
    sample(
      "user, excluded, in no phase",
      "user",
      {
        displayName: "Break Glass 1",
        userPrincipalName: "breakglass1@contoso.onmicrosoft.com",
        department: null,
        managerName: null,
        registered: false,
        methodsRegistered: [],
        excludedBecause: "emergency access account",
        phase: null,
        deadline: null,
        daysLeft: null,
        unreachable: null,
        events: [],
      },
      context,
    ),
    sample(
      "preview, with skips and a sample",
      "preview",
      {
        remind: 143,
        escalate: 8,
        skipped: {
          registered: 1234,
          excluded: 12,
          notYet: 388,
          outsideWindow: 61,
          snoozed: 26,
          remindedToday: 40,
          unreachable: 7,
          paused: 0,
          somethingNew: 2,
        },
        sample: [
          {
            userPrincipalName: "anna.schmidt@contoso.com",
            action: "remind",
            phase: "Pilot",
            deadline: "2025-03-14",
            reason: "3 days before the deadline",
          },
          {
            userPrincipalName: "ben.okafor@contoso.com",
            action: "escalate",
            phase: "Pilot",
            deadline: "2025-03-09",
            reason: "2 days overdue after 4 reminders",
          },
        ],
      },
      context,
    ),
    sample("preview, nothing to do", "preview", { remind: 0, escalate: 0, skipped: {}, sample: [] }, context),
    sample("help", "help", { unknownCommand: null, commands: listedCommands() }, context),
    sample("help after an unknown command", "help", { unknownCommand: "mfa stats", commands: listedCommands() }, context),
    sample("welcome, admin", "welcome", { firstName: "Dana", isAdmin: true, commands: listedCommands() }, context),
    sample("welcome, everyone else", "welcome", { firstName: "Anna", isAdmin: false, commands: listedCommands() }, context),
    sample(
      "digest, with Remind them now",
      "digest",
      {
        managerFirstName: "Bernd",
        reports: PEOPLE.slice(0, 3).map((p) => ({
          displayName: p.displayName,
          userPrincipalName: p.userPrincipalName,
          phase: "Pilot",
          deadline: p.deadline ?? "2025-03-14",
          daysLeft: p.daysLeft ?? 3,
          reminders: p.reminders,
          stoppedAtSignIn: p.stopped !== null,
        })),
        team: { members: 10, registered: 6 },
        organisation: { members: 1922, registered: 1499 },
        remindAvailable: true,
        digestId: "outbox-digest-42",
        managerId: "7c1d9e2f-0a3b-4c5d-8e6f-1a2b3c4d5e6f",
      },
      context,
    ),
    sample(
      "digest, one person, button not available",
      "digest",
      {
        managerFirstName: "Bernd",
        reports: [
          {
            displayName: "Anna Schmidt",
            userPrincipalName: "anna.schmidt@contoso.com",
            phase: "Pilot",
            deadline: "2025-03-14",
            daysLeft: 3,
            reminders: 1,
            stoppedAtSignIn: false,
          },
        ],
        team: { members: 10, registered: 9 },
        organisation: { members: 1922, registered: 1499 },
        remindAvailable: false,
        digestId: "outbox-digest-43",
        managerId: "7c1d9e2f-0a3b-4c5d-8e6f-1a2b3c4d5e6f",
      },
      context,
    ),
    sample("digestReminded", "digestReminded", { reminded: 2, skipped: 1 }, context),
    sample("digestReminded, nobody", "digestReminded", { reminded: 0, skipped: 3 }, context),
    sample(
      "adminReport",
      "adminReport",
      {
        status: sampleStatus(),
        newlyRegistered: 57,
        newlyUnreachable: [
          { displayName: "Jonas Weber", userPrincipalName: "jonas.weber@contoso.com" },
          { displayName: "Marie Dubois", userPrincipalName: "marie.dubois@contoso.com" },
          { displayName: "Lucía García", userPrincipalName: "lucia.garcia@contoso.com" },
          { displayName: "Pieter de Vries", userPrincipalName: "pieter.devries@contoso.com" },
          { displayName: "Tom Baker", userPrincipalName: "tom.baker@contoso.com" },
          { displayName: "Sara Lind", userPrincipalName: "sara.lind@contoso.com" },
        ],
        failures: 3,
      },
      context,
    ),
    sample(
      "adminReport, quiet day",
      "adminReport",
      { status: { ...sampleStatus(), paused: null }, newlyRegistered: 0, newlyUnreachable: [], failures: 0 },
      context,
    ),
    ...(["deliveryFailing", "credentialsRejected", "graphRefusing", "teamsAppSetup"] as const).map((problem) =>
      sample(
        `alert ${problem}`,
        "alert",
        {
          problem,
          detail:
            problem === "credentialsRejected"
              ? "AADSTS7000215: Invalid client secret provided."
              : problem === "graphRefusing"
                ? "403 Forbidden on GET /reports/authenticationMethods/userRegistrationDetails"
                : problem === "teamsAppSetup"
                  ? "Graph answered 403 Forbidden for /users/…/teamwork/installedApps: Missing role permissions on the request."
                  : "12 failed and 9 retried of 25 tries",
          since: "2025-03-11T06:40:00Z",
        },
        context,
      ),
    ),
  ];
}
