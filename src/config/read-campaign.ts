import { readFileSync, statSync } from "node:fs";
import cron from "node-cron";
import { parseDocument } from "yaml";
import type { ZodIssue } from "zod";
import type { CampaignPolicy, Weekday } from "../campaign/policy.js";
import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import { campaignSchema, type CampaignFile } from "./campaign-schema.js";

/**
 * Reads the campaign file (CAMPAIGN_FILE). Every problem names the file and the key path, e.g.
 * `campaign.yaml: reminders.window.from: expected a local time "HH:MM"`. Exit status 2.
 */
export function readCampaign(path: string): CampaignPolicy {
  const document = parseDocument(readText(path), { prettyErrors: true });
  if (document.errors.length > 0) {
    throw campaignError(
      path,
      document.errors.map((e) => `line ${(e.linePos?.[0].line ?? 0).toString()}: ${e.message.split("\n")[0] ?? ""}`),
    );
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount });
  } catch {
    // The yaml library refuses to expand an alias more than maxAliasCount times (a "billion laughs" file).
    throw campaignError(path, [`too many aliases (*name): a campaign file needs at most ${maxAliasCount}`]);
  }
  return parseCampaign(raw, path);
}

/*
 * A campaign file is a few kilobytes, even with long exclusion lists; the limits keep a wrong or
 * hostile file from costing the process its memory.
 */
const maxFileBytes = 1024 * 1024;
const maxAliasCount = 100;

function readText(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw campaignError(path, ["not a file (CAMPAIGN_FILE): expected the path of a YAML file"]);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw unreadable(path, error);
    throw campaignError(path, [`the file does not exist (CAMPAIGN_FILE); copy campaign.sample.yaml to ${path} and edit it`]);
  }
  if (size > maxFileBytes) throw campaignError(path, [`the file is ${size} bytes; a campaign file may be at most ${maxFileBytes}`]);
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw unreadable(path, error);
  }
}

function unreadable(path: string, error: unknown): AppError {
  return campaignError(path, [`the file cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}); check its permissions`]);
}

/** Validates an already parsed campaign (the demo builds one in code). */
export function parseCampaign(raw: unknown, source = "campaign"): CampaignPolicy {
  const parsed = campaignSchema.safeParse(raw);
  if (!parsed.success) throw campaignError(source, parsed.error.issues.map(describeIssue));
  if (!cron.validate(parsed.data.schedule)) throw campaignError(source, ['schedule: expected a cron expression, like "*/30 * * * *"']);
  return toPolicy(parsed.data);
}

function toPolicy(c: CampaignFile): CampaignPolicy {
  const lower = (list: readonly string[]) => list.map((v) => v.trim().toLowerCase());
  return Object.freeze({
    name: c.name,
    senderName: c.senderName ?? c.helpdesk.name,
    registrationUrl: c.registrationUrl,
    helpdesk: c.helpdesk,
    timeZone: c.timeZone,
    requirement: c.requirement,
    phases: c.phases.map((p) => ({
      name: p.name,
      members: { ...p.members, groups: lower(p.members.groups), users: lower(p.members.users) },
      deadline: p.deadline,
      deadlineDaysAfterFirstReminder: p.deadlineDaysAfterFirstReminder,
    })),
    exclude: { ...c.exclude, users: lower(c.exclude.users), groups: lower(c.exclude.groups) },
    reminders: {
      daysBeforeDeadline: [...new Set(c.reminders.daysBeforeDeadline)].sort((a, b) => b - a),
      overdueEveryDays: c.reminders.overdueEveryDays,
      overdueMax: c.reminders.overdueMax,
      window: {
        days: c.reminders.window.days as Weekday[],
        fromMinute: minutes(c.reminders.window.from),
        toMinute: minutes(c.reminders.window.to),
      },
      snooze: c.reminders.snooze,
    },
    escalation: { managerAfterReminders: c.escalation.managerAfterReminders },
    digest: { enabled: c.digest.enabled, day: c.digest.day as Weekday, minute: minutes(c.digest.time) },
    adminReport: { conversationId: c.adminReport.conversationId, minute: minutes(c.adminReport.time) },
    schedule: c.schedule,
  });
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

function describeIssue(issue: ZodIssue): string {
  const path = issue.path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
    .join("")
    .replace(/^\./, "");
  const message = issue.code === "unrecognized_keys" ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(", ")}` : issue.message;
  return `${path || "(top level)"}: ${message}`;
}

function campaignError(source: string, problems: string[]): AppError {
  return new AppError(
    ErrorCode.CampaignInvalid,
    `The campaign file is invalid:\n  ${problems.map((p) => `${source}: ${p}`).join("\n  ")}`,
    {
      details: { source, problems },
      hint: "Fix the keys named above; campaign.sample.yaml shows every key with a comment.",
    },
  );
}
