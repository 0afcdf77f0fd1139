import { describe, expect, it } from "vitest";
import { readPackageEnv, sampleBotId, sampleTeamsAppId } from "../../src/packaging/read-package-env.js";

describe("readPackageEnv", () => {
  it("uses clearly fake sample ids when TEAMS_APP_ID and BOT_ID are unset, warning about each", () => {
    const settings = readPackageEnv({});
    expect(settings.teamsAppId).toBe(sampleTeamsAppId);
    expect(settings.botId).toBe(sampleBotId);
    expect(settings.teamsAppId).toMatch(/^00000000-0000-0000-0000-/);
    expect(settings.warnings).toHaveLength(3);
    expect(settings.warnings[0]).toContain("TEAMS_APP_ID is not set");
    expect(settings.warnings[1]).toContain("BOT_ID is not set");
    expect(settings.warnings[2]).toContain("AZURE_CLIENT_ID is not set; webApplicationInfo.id is BOT_ID");
  });

  it("takes webApplicationInfo's id from BOT_ID in the one-app setup, and from AZURE_CLIENT_ID in the two-app setup", () => {
    const bot = "b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b";
    const graphApp = "0f5e2d6c-7a1b-4c3d-9e8f-a1b2c3d4e5f6";
    expect(readPackageEnv({ BOT_ID: bot }).graphAppId).toBe(bot);
    expect(readPackageEnv({ BOT_ID: bot, AZURE_CLIENT_ID: graphApp }).graphAppId).toBe(graphApp);
  });

  it("passes the given values through without warnings", () => {
    const settings = readPackageEnv({
      TEAMS_APP_ID: "6d1f8a52-3c1e-4b7a-9f0e-2a4c8d9b1e73",
      BOT_ID: "b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b",
      AZURE_CLIENT_ID: "b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b",
      BOT_DOMAIN: "mfa-nudge.contoso.com",
    });
    expect(settings).toEqual({
      teamsAppId: "6d1f8a52-3c1e-4b7a-9f0e-2a4c8d9b1e73",
      botId: "b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b",
      graphAppId: "b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b",
      validDomain: "mfa-nudge.contoso.com",
      warnings: [],
    });
  });

  it("treats empty values as unset and drops surrounding spaces", () => {
    const settings = readPackageEnv({
      TEAMS_APP_ID: "",
      BOT_ID: " b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b\n",
      AZURE_CLIENT_ID: " 0f5e2d6c-7a1b-4c3d-9e8f-a1b2c3d4e5f6 ",
      BOT_DOMAIN: "  ",
    });
    expect(settings.graphAppId).toBe("0f5e2d6c-7a1b-4c3d-9e8f-a1b2c3d4e5f6");
    expect(settings.teamsAppId).toBe(sampleTeamsAppId);
    expect(settings.botId).toBe("b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b");
    expect(settings.validDomain).toBeUndefined();
    expect(settings.warnings).toHaveLength(1);
  });
});
