import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliCaptured } from "../../support/run-cli-captured.js";

describe("mfa-nudge demo", () => {
  it("plays a campaign day by day, people register, and writes the HTML report", async () => {
    const out = mkdtempSync(join(tmpdir(), "demo-"));
    const result = await runCliCaptured(["demo", "--size", "150", "--days", "10", "--start", "2026-11-23", "--out", out], {});
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const dayLines = result.stdout.split("\n").filter((l) => /^\s+\d+\s+\w{3} \d\d \w{3}\s+[\d.]+ %/.test(l));
    expect(dayLines).toHaveLength(11); // the eve of the campaign, then ten days
    const share = (line: string) => Number(/([\d.]+) %/.exec(line)?.[1]);
    expect(share(dayLines[10] ?? "")).toBeGreaterThan(share(dayLines[0] ?? "") + 10);
    expect(result.stdout).toMatch(/\n\d+ reminders, \d+ escalations to managers, \d+ snoozes, \d+ help requests;/);
    // Enforcement is played halfway: from day 5 of 10, Entra ID stops those still without a method.
    expect(result.stdout).toContain("     MFA enforced from Sat 28 Nov: Entra ID now stops anyone without a second method at sign-in.\n");
    const stopped = dayLines.map((l) => Number(l.trim().split(/\s+/).at(-2)));
    expect(stopped.slice(0, 6).every((n) => n === 0)).toBe(true);
    expect(stopped.slice(6).some((n) => n > 0)).toBe(true);
    expect(result.stdout).toMatch(/\nAfter enforcement on 2026-11-28: \d+ people stopped at sign-in, \d+ of them got the help card/);

    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("Excluded: break-glass account, never reminded");
    expect(html).toContain("Stopped at sign-in");
    expect(html).toContain("Help after being stopped at sign-in to ");
    expect(html).toMatch(/"type":"AdaptiveCard"/);
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(existsSync(join(out, "campaign.yaml"))).toBe(true);
  });
});
