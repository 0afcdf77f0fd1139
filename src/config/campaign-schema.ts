import { DateTime } from "luxon";
import { z } from "zod";
import { weekdays } from "../campaign/policy.js";

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const groupId = z.string().regex(guid, "expected a group's object id (a GUID)");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time "HH:MM", like "10:00"');
const weekday = z.enum(weekdays as [string, ...string[]], { message: `expected one of ${weekdays.join(", ")}` });
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid, { message: "expected a date, YYYY-MM-DD" });

/*
 * The registration page must be Microsoft's own: phishing-aware people are told to trust only
 * that, and a card that links elsewhere would teach the opposite.
 */
const microsoftPage = z
  .string()
  .url("expected an https URL")
  .refine((v) => {
    const url = new URL(v);
    return (
      url.protocol === "https:" &&
      (url.hostname === "aka.ms" || url.hostname === "microsoft.com" || url.hostname.endsWith(".microsoft.com"))
    );
  }, "expected Microsoft's own registration page, such as https://aka.ms/mysecurityinfo");

/*
 * The helpdesk's link sits on every card next to Microsoft's page: a web page over https, or a
 * mailto: address. http: would let anyone on the path change it; javascript: and data: are not
 * links at all.
 */
const helpdeskLink = z.string().refine((v) => URL.canParse(v) && (new URL(v).protocol === "https:" || new URL(v).protocol === "mailto:"), {
  message: "expected an https: or mailto: URL, like https://servicedesk.contoso.com or mailto:servicedesk@contoso.com",
});

const members = z
  .object({
    all: z.boolean().default(false),
    admins: z.boolean().default(false),
    groups: z.array(groupId).default([]),
    departments: z.array(z.string().min(1)).default([]),
    users: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .refine((m) => m.all || m.admins || m.groups.length + m.departments.length + m.users.length > 0, {
    message: "expected at least one of all, admins, groups, departments or users",
  });

const phase = z
  .object({
    name: z.string().min(1, "expected the phase's name"),
    members,
    deadline: isoDate.optional(),
    deadlineDaysAfterFirstReminder: z.number().int().min(1).max(365).optional(),
  })
  .strict()
  .refine((p) => (p.deadline === undefined) !== (p.deadlineDaysAfterFirstReminder === undefined), {
    message: "expected exactly one of deadline or deadlineDaysAfterFirstReminder",
  });

/** The campaign file's schema. Keys are the ones the README documents; unknown keys are errors. */
export const campaignSchema = z
  .object({
    name: z.string().min(1, "expected the campaign's name"),
    senderName: z.string().min(1).optional(),
    registrationUrl: microsoftPage.default("https://aka.ms/mysecurityinfo"),
    helpdesk: z
      .object({
        name: z.string().min(1, "expected the helpdesk's name"),
        url: helpdeskLink.optional(),
        email: z.string().email("expected an email address").optional(),
        conversationId: z.string().min(1).optional(),
      })
      .strict(),
    timeZone: z
      .string()
      .refine((tz) => DateTime.local().setZone(tz).isValid, { message: "expected an IANA time zone, like Europe/London" }),
    requirement: z.enum(["mfa", "authenticator", "phishingResistant"]).default("mfa"),
    phases: z
      .array(phase)
      .min(1, "expected at least one phase")
      .superRefine((phases, context) => {
        // A phase's name keys its deadlines and reminders in the store: two of the same would share them.
        const seen = new Set<string>();
        phases.forEach((p, i) => {
          const key = p.name.trim().toLowerCase();
          if (seen.has(key))
            context.addIssue({ code: "custom", path: [i, "name"], message: `expected a name no other phase has ("${p.name}" is taken)` });
          seen.add(key);
        });
      }),
    exclude: z
      .object({
        users: z.array(z.string().min(1)).default([]),
        groups: z.array(groupId).default([]),
        guests: z.boolean().default(true),
        disabled: z.boolean().default(true),
      })
      .strict()
      .default({}),
    reminders: z
      .object({
        daysBeforeDeadline: z.array(z.number().int().min(0).max(365)).min(1).default([14, 7, 3, 1, 0]),
        overdueEveryDays: z.number().int().min(1).max(30).default(2),
        overdueMax: z.number().int().min(0).max(50).default(5),
        window: z
          .object({
            days: z.array(weekday).min(1).default(["Mon", "Tue", "Wed", "Thu", "Fri"]),
            from: time.default("10:00"),
            to: time.default("16:00"),
          })
          .strict()
          .refine((w) => w.from < w.to, { message: "expected from to be earlier than to", path: ["to"] })
          .default({}),
        snooze: z
          .object({ days: z.number().int().min(1).max(14).default(2), max: z.number().int().min(0).max(10).default(3) })
          .strict()
          .default({}),
      })
      .strict()
      .default({}),
    escalation: z
      .object({ managerAfterReminders: z.number().int().min(1).max(20).optional() })
      .strict()
      .default({}),
    digest: z
      .object({ enabled: z.boolean().default(true), day: weekday.default("Mon"), time: time.default("09:00") })
      .strict()
      .default({}),
    adminReport: z
      .object({ conversationId: z.string().min(1).optional(), time: time.default("08:00") })
      .strict()
      .default({}),
    schedule: z.string().min(1).default("*/30 * * * *"),
  })
  .strict();

export type CampaignFile = z.infer<typeof campaignSchema>;
