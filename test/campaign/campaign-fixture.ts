import type { Person, PersonHistory } from "../../src/campaign/person.js";
import { emptyHistory } from "../../src/campaign/person.js";
import type { CampaignPolicy } from "../../src/campaign/policy.js";
import { parseCampaign } from "../../src/config/read-campaign.js";

export const pilotGroup = "aaaaaaaa-0000-0000-0000-000000000001";
export const serviceGroup = "aaaaaaaa-0000-0000-0000-000000000002";

/** The campaign of the example, with fixed-deadline and relative phases. */
export function examplePolicy(overrides: Record<string, unknown> = {}): CampaignPolicy {
  return parseCampaign({
    name: "Contoso MFA rollout",
    helpdesk: { name: "IT Service Desk", url: "https://contoso.sharepoint.com/sites/it/mfa", email: "servicedesk@contoso.com" },
    timeZone: "Europe/London",
    requirement: "mfa",
    phases: [
      { name: "Pilot", members: { groups: [pilotGroup] }, deadline: "2026-12-01" },
      { name: "Admins", members: { admins: true }, deadline: "2026-12-08" },
      { name: "Everyone", members: { all: true }, deadlineDaysAfterFirstReminder: 14 },
    ],
    exclude: {
      users: ["admin-emergency-01@contoso.com", "admin-emergency-02@contoso.com"],
      groups: [serviceGroup],
      guests: true,
      disabled: true,
    },
    reminders: {
      daysBeforeDeadline: [14, 7, 3, 1, 0],
      overdueEveryDays: 2,
      window: { days: ["Mon", "Tue", "Wed", "Thu", "Fri"], from: "10:00", to: "16:00" },
      snooze: { days: 2, max: 3 },
    },
    escalation: { managerAfterReminders: 3 },
    ...overrides,
  });
}

export function person(over: Partial<Omit<Person, "groupIds">> & { groups?: string[] } = {}): Person {
  const { groups, ...rest } = over;
  return {
    id: "u1",
    userPrincipalName: "ada@contoso.com",
    displayName: "Ada Lovelace",
    givenName: "Ada",
    department: "Engineering",
    managerId: "m1",
    accountEnabled: true,
    userType: "Member",
    isAdmin: false,
    isMfaRegistered: false,
    methodsRegistered: [],
    preferredLanguage: "en-GB",
    groupIds: new Set(groups ?? [pilotGroup]),
    ...rest,
  };
}

export function history(
  over: Partial<Omit<PersonHistory, "stepsQueued" | "escalatedPhases">> & { steps?: string[]; escalated?: string[] } = {},
): PersonHistory {
  const { steps, escalated, ...rest } = over;
  return { ...emptyHistory, stepsQueued: new Set(steps ?? []), escalatedPhases: new Set(escalated ?? []), ...rest };
}

/** An instant given as local London wall time, for readable tables. */
export const at = (iso: string): number => Date.parse(iso);
