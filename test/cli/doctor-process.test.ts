import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  generateTenant,
  scenarioSettings,
  startGraphServer,
  tenantSetupFor,
  type DoctorScenario,
  type GraphServer,
  type SimulatedTenant,
} from "../../src/sandbox/tenant/index.js";
import { readEnforcement } from "../../src/store/enforcement-cache.js";
import { openStore } from "../../src/store/open-store.js";
import { campaignFor } from "../support/campaign-world.js";

const main = "dist/src/cli/main.js";
const CLIENT_ID = "3f2a8c1e-6d4b-4b8e-9a51-0c7d2e9f4a11";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The installed command as a separate process (asynchronously: the simulated tenant answers from this one). */
function doctor(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [main, "doctor", ...args], { env: { PATH: process.env.PATH ?? "", ...env } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A Teams app package as npm run package writes it, with webApplicationInfo naming the Graph app. */
async function writePackage(dir: string, manifestId: string, webApplicationInfoId: string): Promise<string> {
  const zip = new JSZip();
  zip.file(
    "manifest.json",
    JSON.stringify({
      id: manifestId,
      webApplicationInfo: { id: webApplicationInfoId, resource: `api://mfa-nudge.contoso.com/${webApplicationInfoId}` },
    }),
  );
  const path = join(dir, "mfa-nudge-teams-app.zip");
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
  return path;
}

const ALL_OK: Record<string, string> = {
  "access.graphToken": "ok",
  "access.permission.AuditLog.Read.All": "ok",
  "access.permission.User.Read.All": "ok",
  "access.permission.GroupMember.Read.All": "ok",
  "access.permission.UserAuthenticationMethod.Read.All": "ok",
  "access.permission.TeamsAppInstallation.ReadWriteSelfForUser.All": "ok",
  "access.permission.AppCatalog.Read.All": "ok",
  "access.permission.Policy.Read.All": "ok",
  "access.licence": "ok",
  "teams.catalogApp": "ok",
  "teams.catalogId": "ok",
  "teams.botToken": "ok",
  "teams.appPackage": "ok",
  "campaign.groups": "ok",
  "campaign.users": "ok",
  "enforcement.securityDefaults": "ok",
  "enforcement.conditionalAccess": "ok",
  "enforcement.breakGlass": "ok",
  "enforcement.registrationCampaign": "ok",
  "enforcement.coverage": "ok",
};

// Each scenario, the exit status it must give, and the checks whose status differs from ALL_OK.
const SCENARIOS: [DoctorScenario, number, Record<string, string>][] = [
  ["all-good", 0, {}],
  ["report-only", 0, { "enforcement.conditionalAccess": "warn", "enforcement.coverage": "warn" }],
  ["break-glass-not-excluded", 1, { "enforcement.breakGlass": "fail" }],
  ["security-defaults", 0, { "enforcement.breakGlass": "warn" }],
  ["catalog-id-wrong", 1, { "teams.catalogId": "fail" }],
  ["permission-missing", 1, { "access.permission.UserAuthenticationMethod.Read.All": "fail" }],
  ["no-p1", 1, { "access.permission.AuditLog.Read.All": "skipped", "access.licence": "fail", "enforcement.breakGlass": "warn" }],
  [
    "policy-read-missing",
    0,
    {
      "access.permission.Policy.Read.All": "skipped",
      "enforcement.securityDefaults": "skipped",
      "enforcement.conditionalAccess": "skipped",
      "enforcement.breakGlass": "skipped",
      "enforcement.registrationCampaign": "skipped",
      "enforcement.coverage": "skipped",
    },
  ],
];

describe("mfa-nudge doctor against the simulated tenant, as a separate process", () => {
  let tenant: SimulatedTenant;
  let dir: string;
  let packagePath: string;
  const servers: GraphServer[] = [];

  beforeAll(async () => {
    tenant = generateTenant({ seed: 21, size: 120, nowMs: Date.now() });
    dir = mkdtempSync(join(tmpdir(), "doctor-"));
    writeFileSync(join(dir, "campaign.yaml"), stringify(campaignFor(tenant, {})));
    packagePath = await writePackage(dir, tenant.teamsApp.externalId, CLIENT_ID);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  async function envFor(scenario: DoctorScenario, name: string = scenario): Promise<Record<string, string>> {
    const server = await startGraphServer(tenant, { token: "t0ken", setup: tenantSetupFor(tenant, scenario) });
    servers.push(server);
    return {
      GRAPH_BASE_URL: server.url,
      GRAPH_ACCESS_TOKEN: "t0ken",
      AZURE_CLIENT_ID: CLIENT_ID,
      BOT_LOGIN_URL: server.url,
      DATABASE_URL: `sqlite:${join(dir, `${name}.sqlite`)}`,
      CAMPAIGN_FILE: join(dir, "campaign.yaml"),
      TEAMS_APP_PACKAGE: packagePath,
      ADMIN_GROUP_ID: tenant.groups.botAdmins,
      ...scenarioSettings(tenant, scenario),
    };
  }

  it.each(SCENARIOS)("gives each check its expected status in the %s scenario, and exits %i", async (scenario, exitCode, changed) => {
    const run = await doctor(["--json"], await envFor(scenario));
    const { checks } = JSON.parse(run.stdout) as { checks: { check: string; status: string; detail: string; fix: string }[] };
    expect(Object.fromEntries(checks.map((c) => [c.check, c.status]))).toEqual({ ...ALL_OK, ...changed });
    expect(checks.every((c) => Object.keys(c).join() === "check,status,detail,fix")).toBe(true);
    expect(run.code).toBe(exitCode);
    expect(run.stderr).toBe(
      exitCode === 0
        ? ""
        : `mfa-nudge: ${Object.values(changed).filter((s) => s === "fail").length} check failed.\n` +
            "  Fix them in the order listed, then run mfa-nudge doctor again.\n",
    );
  });

  it("names the account and the policy it is not excluded from", async () => {
    const run = await doctor(["--json"], await envFor("break-glass-not-excluded"));
    const check = (JSON.parse(run.stdout) as { checks: { check: string; detail: string }[] }).checks.find(
      (c) => c.check === "enforcement.breakGlass",
    );
    const second = tenant.users.filter((u) => u.kind === "breakGlass")[1]!;
    expect(check?.detail).toBe(`${second.userPrincipalName} is not excluded from "Require MFA for all users" (enabled).`);
  });

  it("names the catalog id to set, and Graph's own refusal of a missing permission", async () => {
    const wrong = JSON.parse((await doctor(["--json"], await envFor("catalog-id-wrong"))).stdout) as {
      checks: { check: string; detail: string; fix: string }[];
    };
    expect(wrong.checks.find((c) => c.check === "teams.catalogId")).toMatchObject({
      detail:
        `Installs would use ${tenant.teamsApp.externalId}, but the catalog knows the app as ${tenant.teamsApp.id}: ` +
        "every install would get 404.",
      fix: `Set TEAMS_CATALOG_APP_ID=${tenant.teamsApp.id}.`,
    });
    const missing = JSON.parse((await doctor(["--json"], await envFor("permission-missing"))).stdout) as {
      checks: { check: string; detail: string }[];
    };
    expect(missing.checks.find((c) => c.check === "access.permission.UserAuthenticationMethod.Read.All")?.detail).toMatch(
      /^Not granted: Graph answered 403 accessDenied for \/users\/[0-9a-f-]+\/authentication\/methods: Request Authorization failed$/,
    );
  });

  it("prints a readable checklist, without colour off a terminal, and remembers the enforcement state for /mfa status", async () => {
    const env = await envFor("report-only", "report-only-text");
    const run = await doctor([], env);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^Setup check, \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(lines).toContain("How MFA is enforced");
    expect(lines).toContain(
      '  ! MFA for the people reminded: Nothing enforces MFA yet: the policies requiring it ("Require MFA for all users", ' +
        '"Require phishing-resistant MFA for admins") are report-only, so the deadline on the cards means nothing yet.',
    );
    expect(lines).toContain(
      "      What to do: Before the first deadline, switch on a Conditional Access policy requiring MFA of everyone reminded " +
        "(or security defaults).",
    );
    expect(lines.at(-2)).toBe("2 things to look at");
    expect(run.stdout).not.toContain("\u001b[");
    const store = await openStore({ kind: "sqlite", path: join(dir, "report-only-text.sqlite") });
    try {
      expect(await readEnforcement(store)).toMatchObject({
        state: "reportOnly",
        policies: ["Require MFA for all users", "Require phishing-resistant MFA for admins"],
      });
    } finally {
      await store.close();
    }
  });

  it("exits 2 naming the variable when the configuration is malformed, and 2 after the checklist without Graph credentials", async () => {
    const env = await envFor("all-good", "config");
    const malformed = await doctor(["--json"], { ...env, BOT_LOGIN_URL: "login.microsoftonline.com" });
    expect(malformed.code).toBe(2);
    expect(malformed.stdout).toBe("");
    expect(malformed.stderr).toMatch(/BOT_LOGIN_URL: expected an http\(s\) URL/);

    const noCampaign = await doctor(["--json"], { ...env, CAMPAIGN_FILE: join(dir, "missing.yaml") });
    expect(noCampaign.code).toBe(2);
    expect(noCampaign.stderr).toMatch(/missing\.yaml: the file does not exist/);

    const { GRAPH_ACCESS_TOKEN: _token, AZURE_CLIENT_ID: _client, ...withoutCredentials } = env;
    const bare = await doctor(["--json"], withoutCredentials);
    expect(bare.code).toBe(2);
    const statuses = (JSON.parse(bare.stdout) as { checks: { check: string; status: string }[] }).checks;
    expect(statuses.find((c) => c.check === "access.graphToken")?.status).toBe("fail");
    expect(statuses.find((c) => c.check === "teams.botToken")?.status).toBe("ok");
    expect(bare.stderr).toMatch(/^mfa-nudge: No Graph credentials are configured, so most checks could not run\./);
  });
});
