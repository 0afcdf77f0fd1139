import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countTenant, generateTenant, startGraphServer, type GraphServer, type SimulatedTenant } from "../../src/sandbox/tenant/index.js";
import { runCliCaptured } from "../support/run-cli-captured.js";

const reportsPath = "/v1.0/reports/authenticationMethods/userRegistrationDetails";

/** The most requests seen in any window of `windowMs`, by arrival time. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    let j = i;
    while (j < sorted.length && (sorted[j] as number) < (sorted[i] as number) + windowMs) j += 1;
    most = Math.max(most, j - i);
  }
  return most;
}

describe("mfa-nudge sync against a simulated tenant of 10,000 people, at Graph's own pace", () => {
  let tenant: SimulatedTenant;
  let graph: GraphServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    tenant = generateTenant({ seed: 7, size: 10_000 });
    graph = await startGraphServer(tenant, { token: "t0ken" });
    env = {
      GRAPH_BASE_URL: graph.url,
      GRAPH_ACCESS_TOKEN: "t0ken",
      DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), "sync-")), "store.sqlite")}`,
    };
  });
  afterAll(() => graph.close());

  it("reads everything, keeps to 5 report requests in any 10 s, and status agrees with the generator", async () => {
    const sync = await runCliCaptured(["sync"], env);
    expect(sync.stderr).toBe("");
    expect(sync.code).toBe(0);
    const reportRows = tenant.users.filter((u) => u.inReport).length + tenant.deletedUsers.length;
    const reportPages = Math.ceil(reportRows / 999);
    expect(reportPages).toBeGreaterThan(5); // enough pages that the throttle has to be respected
    expect(sync.stdout).toBe(
      `Synced 10,000 users and ${reportRows.toLocaleString("en-GB")} registration rows in ` +
        `${/in (\d+:\d\d)/.exec(sync.stdout)?.[1]} (${reportPages} report pages, 11 directory pages).\n`,
    );

    const reports = graph.requests.filter((r) => r.path === reportsPath);
    expect(reports).toHaveLength(reportPages);
    expect(reports.every((r) => r.status === 200)).toBe(true);
    expect(
      busiestWindow(
        reports.map((r) => r.at),
        10_000,
      ),
    ).toBe(5);
    // The sixth request waited for the first to leave the window: paced, not refused.
    expect((reports[5]?.at ?? 0) - (reports[0]?.at ?? 0)).toBeGreaterThanOrEqual(10_000);
    expect(reports.every((r) => r.query.$top === "999")).toBe(true);

    const status = await runCliCaptured(["status", "--json"], env);
    expect(status.code).toBe(0);
    const figures = JSON.parse(status.stdout) as Record<string, unknown>;
    const { lastSync, ...rest } = figures;
    expect(rest).toEqual(countTenant(tenant));
    expect(Date.parse(lastSync as string)).toBeGreaterThan(Date.now() - 120_000);
  });
});

describe("sync under throttling and failure", () => {
  let tenant: SimulatedTenant;
  let graph: GraphServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    tenant = generateTenant({ seed: 3, size: 3_000 });
    // A throttle scaled to 5 per second, and the client's pace scaled to match.
    graph = await startGraphServer(tenant, { token: "t", reportsThrottle: { limit: 5, windowMs: 1000 } });
    env = {
      GRAPH_BASE_URL: graph.url,
      GRAPH_ACCESS_TOKEN: "t",
      GRAPH_REPORTS_PACE: "5/1s",
      DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), "sync-")), "store.sqlite")}`,
    };
  });
  afterAll(() => graph.close());

  it("honours Retry-After on 429 and 503, and still reads everything once", async () => {
    graph.requests.length = 0;
    graph.injectFault({ path: reportsPath, skip: 1, times: 1, status: 429, code: "TooManyRequests", retryAfterSeconds: 2 });
    graph.injectFault({ path: "/v1.0/users/delta", times: 1, status: 503, code: "ServiceUnavailable", retryAfterSeconds: 1 });
    const sync = await runCliCaptured(["sync"], env);
    expect(sync.code).toBe(0);

    const reports = graph.requests.filter((r) => r.path === reportsPath);
    const refused = reports.findIndex((r) => r.status === 429);
    expect(refused).toBe(1);
    const retry = reports[refused + 1];
    expect(retry?.status).toBe(200);
    expect((retry?.at ?? 0) - (reports[refused]?.at ?? 0)).toBeGreaterThanOrEqual(2000);
    const delta = graph.requests.filter((r) => r.path === "/v1.0/users/delta");
    expect(delta[0]?.status).toBe(503);
    expect((delta[1]?.at ?? 0) - (delta[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);

    const status = JSON.parse((await runCliCaptured(["status", "--json"], env)).stdout) as { users: number; registered: number };
    expect(status.users).toBe(countTenant(tenant).users);
    expect(status.registered).toBe(countTenant(tenant).registered);
  });

  it("keeps to the scaled pace without being throttled", async () => {
    graph.requests.length = 0;
    expect((await runCliCaptured(["sync"], env)).code).toBe(0);
    const reports = graph.requests.filter((r) => r.path === reportsPath);
    expect(reports.length).toBe(Math.ceil((tenant.users.filter((u) => u.inReport).length + tenant.deletedUsers.length) / 999));
    expect(reports.every((r) => r.status === 200)).toBe(true);
    expect(
      busiestWindow(
        reports.map((r) => r.at),
        1000,
      ),
    ).toBeLessThanOrEqual(5);
  });

  it("leaves the previous snapshot current when a sync fails midway", async () => {
    expect((await runCliCaptured(["sync"], env)).code).toBe(0);
    const before = (await runCliCaptured(["status", "--json"], env)).stdout;

    // People register, then the next sync dies on its third report page.
    for (const user of tenant.users.filter((u) => u.kind === "person" && u.methodsRegistered.length === 0).slice(0, 50)) {
      tenant.registerUser(user.id, ["microsoftAuthenticatorPush"], 0);
    }
    graph.injectFault({ path: reportsPath, skip: 2, times: 1, status: 500, code: "InternalServerError" });
    const failed = await runCliCaptured(["sync"], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/Graph answered 500 InternalServerError/);
    expect((await runCliCaptured(["status", "--json"], env)).stdout).toBe(before);

    // The next good sync sees the registrations.
    expect((await runCliCaptured(["sync"], env)).code).toBe(0);
    const after = JSON.parse((await runCliCaptured(["status", "--json"], env)).stdout) as { registered: number };
    expect(after.registered).toBe(countTenant(tenant).registered);
    expect(after.registered).toBeGreaterThan((JSON.parse(before) as { registered: number }).registered);
  });

  it.each([
    [403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", reportsPath, /Entra ID P1 or P2/],
    [403, "Authorization_RequestDenied", reportsPath, /Grant the application permission AuditLog\.Read\.All/],
    [403, "Authorization_RequestDenied", "/v1.0/users/delta", /Grant the application permission User\.Read\.All/],
    [401, "InvalidAuthenticationToken", reportsPath, /GRAPH_ACCESS_TOKEN .*expired/],
  ])("turns %i %s into what to fix", async (status, code, path, hint) => {
    graph.injectFault({ path, times: 1, status, code });
    const result = await runCliCaptured(["sync"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(code);
    expect(result.stderr).toMatch(hint);
  });

  it("refuses to start without credentials, naming what to set", async () => {
    const result = await runCliCaptured(["sync"], { DATABASE_URL: env.DATABASE_URL });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No Graph credentials/);
    expect(result.stderr).toMatch(/GRAPH_ACCESS_TOKEN/);
  });
});

describe("sync against a tenant whose registration report refuses $top", () => {
  let tenant: SimulatedTenant;
  let graph: GraphServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    tenant = generateTenant({ seed: 4, size: 450 });
    graph = await startGraphServer(tenant, { token: "t", reportRefusesTop: true, reportsThrottle: { limit: 50, windowMs: 1000 } });
    env = {
      GRAPH_BASE_URL: graph.url,
      GRAPH_ACCESS_TOKEN: "t",
      GRAPH_REPORTS_PACE: "50/1s",
      DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), "sync-")), "store.sqlite")}`,
    };
  });
  afterAll(() => graph.close());

  it("asks for the refused page again without $top, pages on at the default size, and reads everyone", async () => {
    const sync = await runCliCaptured(["sync"], env);
    expect(sync.stderr).toBe("");
    expect(sync.code).toBe(0);
    const reports = graph.requests.filter((r) => r.path === reportsPath);
    const rows = tenant.users.filter((u) => u.inReport).length + tenant.deletedUsers.length;
    expect(reports.map((r) => [r.status, r.query.$top ?? null])).toEqual([
      [400, "999"],
      ...Array.from({ length: Math.ceil(rows / 100) }, () => [200, null]),
    ]);
    const status = JSON.parse((await runCliCaptured(["status", "--json"], env)).stdout) as Record<string, unknown>;
    expect({ users: status.users, registered: status.registered }).toEqual({
      users: countTenant(tenant).users,
      registered: countTenant(tenant).registered,
    });
  });
});
