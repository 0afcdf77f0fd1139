import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config/read-config.js";
import { isAppError } from "../../src/errors/app-error.js";
import { ErrorCode, exitStatusFor } from "../../src/errors/error-code.js";

const tenant = "11111111-2222-3333-4444-555555555555";
const client = "66666666-7777-8888-9999-000000000000";

function problemsOf(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (isAppError(error, ErrorCode.ConfigInvalid)) return error.details.problems as string[];
    throw error;
  }
  return [];
}

describe("readConfig", () => {
  it("defaults to Microsoft's Graph, the published report pace and a SQLite file under ./data", () => {
    const config = readConfig({});
    expect(config.graph.baseUrl).toBe("https://graph.microsoft.com");
    expect(config.graph.reportsPace).toEqual({ limit: 5, windowMs: 10_000 });
    expect(config.database).toEqual({ kind: "sqlite", path: "./data/mfa-nudge.sqlite" });
    expect(config.graph.auth).toEqual({ kind: "none" });
  });

  it("checks the bot's credentials at Microsoft's sign-in host unless BOT_LOGIN_URL says otherwise; keeps AZURE_CLIENT_ID", () => {
    expect(readConfig({}).teams.loginUrl).toBe("https://login.microsoftonline.com");
    expect(readConfig({}).teams.appPackagePath).toBeUndefined();
    const config = readConfig({
      BOT_LOGIN_URL: "http://127.0.0.1:4000/",
      TEAMS_APP_PACKAGE: "/srv/app.zip",
      GRAPH_ACCESS_TOKEN: "eyJ0",
      AZURE_CLIENT_ID: client,
    });
    expect([config.teams.loginUrl, config.teams.appPackagePath, config.graph.clientId]).toEqual([
      "http://127.0.0.1:4000",
      "/srv/app.zip",
      client,
    ]);
    expect(problemsOf({ BOT_LOGIN_URL: "login.microsoftonline.com" })).toEqual([
      "BOT_LOGIN_URL: expected an http(s) URL such as https://login.microsoftonline.com",
    ]);
  });

  it("selects PostgreSQL for a postgres:// URL", () => {
    expect(readConfig({ DATABASE_URL: "postgres://u@127.0.0.1:5432/test" }).database.kind).toBe("postgres");
  });

  it("chooses a client secret credential when tenant, client and secret are set", () => {
    const config = readConfig({ AZURE_TENANT_ID: tenant, AZURE_CLIENT_ID: client, AZURE_CLIENT_SECRET: "s3cret" });
    expect(config.graph.auth).toEqual({ kind: "secret", tenantId: tenant, clientId: client, clientSecret: "s3cret" });
  });

  it("prefers a ready access token over every other credential", () => {
    const config = readConfig({ GRAPH_ACCESS_TOKEN: "eyJ0", AZURE_TENANT_ID: tenant, AZURE_CLIENT_ID: client, AZURE_CLIENT_SECRET: "x" });
    expect(config.graph.auth).toEqual({ kind: "token", token: "eyJ0" });
  });

  it("uses a managed identity when only a client id is given", () => {
    expect(readConfig({ AZURE_CLIENT_ID: client }).graph.auth).toEqual({ kind: "managedIdentity", clientId: client });
  });

  it("accepts a certificate path that exists", () => {
    const dir = mkdtempSync(join(tmpdir(), "cert-"));
    const path = join(dir, "app.pem");
    writeFileSync(path, "-----BEGIN CERTIFICATE-----\n");
    const auth = readConfig({ AZURE_TENANT_ID: tenant, AZURE_CLIENT_ID: client, AZURE_CLIENT_CERTIFICATE_PATH: path }).graph.auth;
    expect(auth).toEqual({ kind: "certificate", tenantId: tenant, clientId: client, certificatePath: path });
  });

  it("treats an empty variable as unset", () => {
    expect(readConfig({ GRAPH_BASE_URL: "", DATABASE_URL: "  " }).graph.baseUrl).toBe("https://graph.microsoft.com");
  });

  it("accepts plain http only on this machine, where the simulated services run", () => {
    for (const host of ["127.0.0.1:4000", "localhost:4000", "[::1]:4000", "127.0.0.2"]) {
      expect(readConfig({ GRAPH_BASE_URL: `http://${host}`, TEAMS_SERVICE_URL: `http://${host}/` }).graph.baseUrl).toBe(`http://${host}`);
    }
    expect(problemsOf({ GRAPH_BASE_URL: "http://graph.microsoft.com" })).toEqual([
      "GRAPH_BASE_URL: expected https: plain http is accepted only for a loopback address (127.0.0.1, ::1, localhost)",
    ]);
  });

  it("parses a scaled-down report pace", () => {
    expect(readConfig({ GRAPH_REPORTS_PACE: "5/500ms" }).graph.reportsPace).toEqual({ limit: 5, windowMs: 500 });
  });

  it.each([
    [{ AZURE_TENANT_ID: "contoso" }, "AZURE_TENANT_ID"],
    [{ AZURE_CLIENT_ID: "abc" }, "AZURE_CLIENT_ID"],
    [{ GRAPH_BASE_URL: "graph.microsoft.com" }, "GRAPH_BASE_URL"],
    [{ GRAPH_REPORTS_PACE: "fast" }, "GRAPH_REPORTS_PACE"],
    [{ GRAPH_BASE_URL: "http://graph.contoso.com" }, "GRAPH_BASE_URL"],
    [{ GRAPH_BASE_URL: "http://10.0.0.5:4000" }, "GRAPH_BASE_URL"],
    [{ TEAMS_SERVICE_URL: "http://smba.trafficmanager.net/teams/" }, "TEAMS_SERVICE_URL"],
    [{ BOT_OPENID_METADATA_URL: "http://login.botframework.com/v1/.well-known/openidconfiguration" }, "BOT_OPENID_METADATA_URL"],
    // doctor sends the bot's secret there.
    [{ BOT_LOGIN_URL: "http://login.microsoftonline.com" }, "BOT_LOGIN_URL"],
    [{ DATABASE_URL: "mysql://db/x" }, "DATABASE_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ AZURE_CLIENT_SECRET: "s" }, "AZURE_TENANT_ID"],
    [{ AZURE_CLIENT_SECRET: "s", AZURE_TENANT_ID: tenant }, "AZURE_CLIENT_ID"],
    [
      { AZURE_CLIENT_CERTIFICATE_PATH: "/nowhere/app.pem", AZURE_TENANT_ID: tenant, AZURE_CLIENT_ID: client },
      "AZURE_CLIENT_CERTIFICATE_PATH",
    ],
  ])("rejects %o naming %s", (env, variable) => {
    const problems = problemsOf(env);
    expect(problems.some((p) => p.startsWith(`${variable}:`))).toBe(true);
  });

  it("reports every bad variable at once, with exit status 2", () => {
    try {
      readConfig({ AZURE_TENANT_ID: "x", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, ErrorCode.ConfigInvalid)).toBe(true);
      const e = error as { message: string; code: ErrorCode };
      expect(e.message).toContain("AZURE_TENANT_ID");
      expect(e.message).toContain("LOG_LEVEL");
      expect(exitStatusFor(e.code)).toBe(2);
    }
  });

  it("never echoes a secret in its errors", () => {
    const problems = problemsOf({ AZURE_CLIENT_SECRET: "very-secret-value" });
    expect(problems.join("\n")).not.toContain("very-secret-value");
  });

  it("returns a frozen config", () => {
    const config = readConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.graph.reportsPace)).toBe(true);
  });
});
