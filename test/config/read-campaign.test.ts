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
    [
      "an http helpdesk link",
      minimal.replace("{ name: IT }", "{ name: IT, url: http://help.contoso.com }"),
      /^helpdesk\.url: expected an https: or mailto: URL/,
    ],
    [
      "a javascript: helpdesk link",
      minimal.replace("{ name: IT }", '{ name: IT, url: "javascript:alert(1)" }'),
      /^helpdesk\.url: expected an https:/,
    ],
    [
      "two phases of the same name",
      `${minimal}  - { name: everyone, members: { admins: true }, deadlineDaysAfterFirstReminder: 7 }\n`,
      /^phases\[1\]\.name: expected a name no other phase has \("everyone" is taken\)/,
    ],
  ])("rejects %s, naming the key", (_name, text, pattern) => {
    const found = text === null ? problemsOfMissing() : problems(text);
    expect(found.some((p) => pattern.test(p.replace(/^.*?campaign\.yaml: /, "")))).toBe(true);
  });

  it("accepts an https or mailto helpdesk link", () => {
    for (const url of ["https://servicedesk.contoso.com/mfa", "mailto:servicedesk@contoso.com"]) {
      expect(readCampaign(write(minimal.replace("{ name: IT }", `{ name: IT, url: "${url}" }`))).helpdesk.url).toBe(url);
    }
  });

  it("refuses a YAML alias bomb with one line naming it, without expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i += 1) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const started = Date.now();
    expect(problems(`${minimal}${levels.join("\n")}\n`)).toEqual(["too many aliases (*name): a campaign file needs at most 100"]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses a file over a megabyte, and a folder, naming the problem", () => {
    expect(problems(`${minimal}# ${"x".repeat(1024 * 1024)}\n`)).toEqual([
      expect.stringMatching(/a campaign file may be at most 1048576$/),
    ]);
    const folder = mkdtempSync(join(tmpdir(), "campaign-folder-"));
    try {
      readCampaign(folder);
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, ErrorCode.CampaignInvalid) && error.details.problems).toEqual([
        "not a file (CAMPAIGN_FILE): expected the path of a YAML file",
      ]);
    }
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
