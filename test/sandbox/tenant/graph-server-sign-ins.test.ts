import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGraphClient, type GraphClient } from "../../../src/graph/client/graph-client.js";
import { readSignInInterrupts, type SignInInterrupt } from "../../../src/graph/sign-ins.js";
import { generateTenant, startGraphServer, type GraphServer, type SimulatedTenant } from "../../../src/sandbox/tenant/index.js";
import { systemClock } from "../../../src/time/clock.js";
import { fetchGraph, type GraphCollection, type GraphErrorResponse } from "./fetch-graph.js";

const docs = JSON.parse(readFileSync(join(import.meta.dirname, "docs-examples", "signin-list.json"), "utf8")) as {
  body: GraphCollection;
};

/** Every key path of a JSON value ("status.errorCode"), to compare shapes rather than values. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...keyPaths(inner, `${prefix}${key}.`)]);
}

const t0 = Date.parse("2026-12-07T09:00:00Z");
const hourMs = 3_600_000;

let tenant: SimulatedTenant;
let server: GraphServer;
let base = "";
let graph: GraphClient;

beforeEach(async () => {
  tenant = generateTenant({ seed: 4, size: 40 });
  server = await startGraphServer(tenant);
  base = `${server.url}/v1.0`;
  graph = createGraphClient({
    baseUrl: server.url,
    tokens: { getToken: () => Promise.resolve("t") },
    clock: systemClock,
    reportsPace: { limit: 5, windowMs: 10_000 },
    maxRetries: 0,
  });
});
afterEach(() => server.close());

describe("the simulated tenant's sign-in log", () => {
  it("serves each entry with every property of the docs' example, newest first", async () => {
    const [a, b] = tenant.users as [SimulatedTenant["users"][number], SimulatedTenant["users"][number]];
    tenant.recordSignIn(a.id, t0, 0, 1);
    tenant.recordSignIn(b.id, t0 + hourMs, 50079, 0);
    const response = await fetchGraph<GraphCollection>(`${base}/auditLogs/signIns`);
    expect(response.status).toBe(200);
    expect(response.body["@odata.context"]).toBe(docs.body["@odata.context"]);
    const example = docs.body.value[0]!;
    for (const row of response.body.value) {
      expect(keyPaths(row)).toEqual(keyPaths({ ...example, appliedConditionalAccessPolicies: [] }));
    }
    expect(response.body.value.map((r) => [r.userId, r.createdDateTime, (r.status as { errorCode: number }).errorCode])).toEqual([
      [b.id, "2026-12-07T10:00:00.000Z", 50079],
      [a.id, "2026-12-07T09:00:00.000Z", 0],
    ]);
    expect(response.body.value[0]).toMatchObject({
      userPrincipalName: b.userPrincipalName,
      appDisplayName: "Office 365 Exchange Online",
      status: { errorCode: 50079, failureReason: "User needs to enroll for second factor authentication." },
    });
  });

  it("filters on createdDateTime ge an instant and on status/errorCode, and pages with $top", async () => {
    const ids = tenant.users.slice(0, 6).map((u) => u.id);
    const codes = [50072, 50079, 0, 50074, 50079, 50072];
    ids.forEach((id, i) => tenant.recordSignIn(id, t0 + i * hourMs, codes[i]!, i));
    tenant.recordSignIn(ids[0]!, t0 - 8 * 24 * hourMs, 50079, 0);
    const filter = `createdDateTime ge 2026-12-07T09:30:00Z and (status/errorCode eq 50072 or status/errorCode eq 50079)`;
    const first = await fetchGraph<GraphCollection>(`${base}/auditLogs/signIns?$top=2&$filter=${encodeURIComponent(filter)}`);
    expect(first.body.value.map((r) => r.userId)).toEqual([ids[5], ids[4]]);
    const next = first.body["@odata.nextLink"];
    expect(next).toBeDefined();
    const second = await fetchGraph<GraphCollection>(next!);
    expect(second.body.value.map((r) => r.userId)).toEqual([ids[1]]);
    expect(second.body["@odata.nextLink"]).toBeUndefined();
  });

  it("refuses what the docs do not allow: ge on a property that is no instant, $top over 1,000", async () => {
    const ge = await fetchGraph<GraphErrorResponse>(`${base}/auditLogs/signIns?$filter=${encodeURIComponent("userId ge 'x'")}`);
    expect([ge.status, ge.body.error.code]).toEqual([400, "BadRequest"]);
    const top = await fetchGraph<GraphErrorResponse>(`${base}/auditLogs/signIns?$top=1001`);
    expect(top.status).toBe(400);
  });

  it("answers 403 without Entra ID P1/P2, and without AuditLog.Read.All, as Graph words each", async () => {
    server.setup.signInLogLicence = false;
    const unlicensed = await fetchGraph<GraphErrorResponse>(`${base}/auditLogs/signIns`);
    expect([unlicensed.status, unlicensed.body.error.code]).toEqual([403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant"]);
    // The registration report is licensed apart in this scenario: only the log is refused.
    expect((await fetchGraph(`${base}/reports/authenticationMethods/userRegistrationDetails?$top=1`)).status).toBe(200);
    server.setup.signInLogLicence = true;
    server.setup.grantedPermissions.delete("AuditLog.Read.All");
    const denied = await fetchGraph<GraphErrorResponse>(`${base}/auditLogs/signIns`);
    expect([denied.status, denied.body.error.code]).toEqual([403, "Authorization_RequestDenied"]);
  });
});

describe("readSignInInterrupts", () => {
  it("reads only the must-register codes since the instant, as interrupts with the app and the time", async () => {
    const [a, b, c] = tenant.users as [
      SimulatedTenant["users"][number],
      SimulatedTenant["users"][number],
      SimulatedTenant["users"][number],
    ];
    tenant.recordSignIn(a.id, t0, 50072, "Contoso Expenses");
    tenant.recordSignIn(b.id, t0 + hourMs, 50076, 0);
    tenant.recordSignIn(c.id, t0 + 2 * hourMs, 50079, 1);
    tenant.recordSignIn(c.id, t0 - hourMs, 50079, 1);
    const found: SignInInterrupt[] = [];
    for await (const page of readSignInInterrupts(graph, new Date(t0))) found.push(...page);
    expect(found.map((s) => [s.userId, s.createdDateTime, s.appDisplayName, s.errorCode])).toEqual([
      [c.id, "2026-12-07T11:00:00.000Z", "Microsoft Teams", 50079],
      [a.id, "2026-12-07T09:00:00.000Z", "Contoso Expenses", 50072],
    ]);
  });
});
