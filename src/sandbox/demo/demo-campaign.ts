import type { SimulatedTenant } from "../tenant/index.js";

/** The demo's campaign, as a campaign file would say it: waves, exclusions, the guides' defaults. */
export function demoCampaign(tenant: SimulatedTenant, startDate: string): Record<string, unknown> {
  const day = (n: number) => new Date(Date.parse(`${startDate}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return {
    name: "Contoso MFA rollout (demo)",
    senderName: "Contoso IT Service Desk",
    registrationUrl: "https://aka.ms/mysecurityinfo",
    helpdesk: {
      name: "Contoso Service Desk",
      url: "https://contoso.sharepoint.com/sites/it/mfa",
      email: "servicedesk@contoso.com",
      conversationId: "19:servicedesk@thread.tacv2",
    },
    timeZone: "Europe/London",
    requirement: "mfa",
    phases: [
      { name: "Pilot", members: { groups: [tenant.groups.pilot] }, deadline: day(11) },
      { name: "Admins", members: { admins: true }, deadline: day(18) },
      { name: "Everyone", members: { all: true }, deadlineDaysAfterFirstReminder: 14 },
    ],
    exclude: {
      users: tenant.users.filter((u) => u.kind === "breakGlass").map((u) => u.userPrincipalName),
      groups: [tenant.groups.serviceAccounts],
      guests: true,
      disabled: true,
    },
    reminders: {
      daysBeforeDeadline: [14, 7, 3, 1, 0],
      overdueEveryDays: 2,
      overdueMax: 5,
      window: { days: ["Mon", "Tue", "Wed", "Thu", "Fri"], from: "10:00", to: "16:00" },
      snooze: { days: 2, max: 3 },
    },
    escalation: { managerAfterReminders: 3 },
    schedule: "0 * * * *",
  };
}
