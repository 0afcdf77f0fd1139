import { describe, expect, it } from "vitest";
import { readPackageEnv, sampleBotId, sampleTeamsAppId } from "../../src/packaging/read-package-env.js";

describe("readPackageEnv", () => {
  it("uses clearly fake sample ids when TEAMS_APP_ID and BOT_ID are unset, warning about each", () => {
    const settings = readPackageEnv({});
    expect(settings.teamsAppId).toBe(sampleTeamsAppId);
    expect(settings.botId).toBe(sampleBotId);
    expect(settings.teamsAppId).toMatch(/^00000000-0000-0000-0000-/);
    expect(settings.warnings).toHaveLength(2);
    expect(settings.warnings[0]).toContain("TEAMS_APP_ID is not set");
    expect(settings.warnings[1]).toContain("BOT_ID is not set");
  });

  it("passes the given values through without warnings", () => {
    const settings = readPackageEnv({
      TEAMS_APP_ID: "6d1f8a52-3c1e-4b7a-9f0e-2a4c8d9b1e73",
      BOT_ID: "b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b",
      BOT_DOMAIN: "mfa-nudge.contoso.com",
    });
    expect(settings).toEqual({
      teamsAppId: "6d1f8a52-3c1e-4b7a-9f0e-2a4c8d9b1e73",
      botId: "b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b",
      validDomain: "mfa-nudge.contoso.com",
      warnings: [],
    });
  });

  it("treats empty values as unset and drops surrounding spaces", () => {
    const settings = readPackageEnv({ TEAMS_APP_ID: "", BOT_ID: " b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b\n", BOT_DOMAIN: "  " });
    expect(settings.teamsAppId).toBe(sampleTeamsAppId);
    expect(settings.botId).toBe("b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b");
    expect(settings.validDomain).toBeUndefined();
    expect(settings.warnings).toHaveLength(1);
  });
});
