import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCampaign } from "../../src/config/read-campaign.js";
import { isAppError } from "../../src/errors/app-error.js";
import { ErrorCode, exitStatusFor } from "../../src/errors/error-code.js";

function write(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "campaign-")), "campaign.yaml");
  writeFileSync(path, text);
  return path;
}

function problems(text: string): string[] {
  try {
    readCampaign(write(text));
  } catch (error) {
    if (isAppError(error, ErrorCode.CampaignInvalid)) return error.details.problems as string[];
    throw error;
  }
  return [];
}

const minimal = `
name: Test
helpdesk: { name: IT }
timeZone: Europe/London
phases:
  - { name: Everyone, members: { all: true }, deadlineDaysAfterFirstReminder: 14 }
`;

describe("readCampaign", () => {
  it("reads the shipped sample with every key", () => {
    const policy = readCampaign("campaign.sample.yaml");
    expect(policy.phases.map((p) => p.name)).toEqual(["Pilot", "Admins", "Everyone"]);
    expect(policy.phases[0]?.deadline).toBe("2026-12-01");
    expect(policy.reminders.window).toEqual({ days: ["Mon", "Tue", "Wed", "Thu", "Fri"], fromMinute: 600, toMinute: 960 });
    expect(policy.exclude.users).toContain("admin-emergency-01@contoso.com");
    expect(policy.senderName).toBe("Contoso IT Service Desk");
  });

  it("fills the rollout guides' defaults for everything left out", () => {
    const policy = readCampaign(write(minimal));
    expect(policy).toMatchObject({
      registrationUrl: "https://aka.ms/mysecurityinfo",
      requirement: "mfa",
      exclude: { guests: true, disabled: true, users: [], groups: [] },
      reminders: { daysBeforeDeadline: [14, 7, 3, 1, 0], overdueEveryDays: 2, snooze: { days: 2, max: 3 } },
      digest: { enabled: true, day: "Mon", minute: 540 },
    });
  });

  it.each([
    ["a missing file", null, /does not exist \(CAMPAIGN_FILE\)/],
    [
      "a link away from Microsoft",
      `${minimal}registrationUrl: https://evil.example.com/mfa\n`,
      /^registrationUrl: expected Microsoft's own/,
    ],
    ["a bad window time", `${minimal}reminders: { window: { from: "10am" } }\n`, /^reminders\.window\.from: expected a local time/],
    ["a window that ends before it starts", `${minimal}reminders: { window: { from: "16:00", to: "10:00" } }\n`, /^reminders\.window\.to:/],
    ["an unknown time zone", minimal.replace("Europe/London", "Europe/Atlantis"), /^timeZone: expected an IANA time zone/],
    [
      "a phase with two deadlines",
      minimal.replace("deadlineDaysAfterFirstReminder: 14", "deadlineDaysAfterFirstReminder: 14, deadline: 2026-12-01"),
      /^phases\[0\]: expected exactly one of deadline/,
    ],
    [
      "a group that is not an id",
      minimal.replace("{ all: true }", "{ groups: [pilot] }"),
      /^phases\[0\]\.members\.groups\[0\]: expected a group's object id/,
    ],
    ["a misspelt key", `${minimal}reminder: {}\n`, /^\(top level\): unknown key "reminder"/],
    ["a weekday that does not exist", `${minimal}reminders: { window: { days: [Mon, Fun] } }\n`, /^reminders\.window\.days\[1\]:/],
    ["a bad schedule", `${minimal}schedule: "every hour"\n`, /^schedule: expected a cron expression/],
    ["broken YAML", "name: [unclosed\n", /^line \d+:/],
  ])("rejects %s, naming the key", (_name, text, pattern) => {
    const found = text === null ? problemsOfMissing() : problems(text);
    expect(found.some((p) => pattern.test(p.replace(/^.*?campaign\.yaml: /, "")))).toBe(true);
  });

  it("stops with exit status 2", () => {
    try {
      readCampaign(write("name: x\n"));
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, ErrorCode.CampaignInvalid)).toBe(true);
      expect(exitStatusFor((error as { code: ErrorCode }).code)).toBe(2);
      expect((error as Error).message).toContain("campaign.yaml: helpdesk:");
    }
  });
});

function problemsOfMissing(): string[] {
  try {
    readCampaign(join(tmpdir(), "no-such-dir", "campaign.yaml"));
  } catch (error) {
    if (isAppError(error, ErrorCode.CampaignInvalid)) return (error.details.problems as string[]).map((p) => `campaign.yaml: ${p}`);
    throw error;
  }
  return [];
}
