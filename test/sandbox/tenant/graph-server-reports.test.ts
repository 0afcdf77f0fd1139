import { afterEach, describe, expect, it } from "vitest";
import { generateTenant } from "../../../src/sandbox/tenant/generate-tenant.js";
import { isMfaRegistered } from "../../../src/sandbox/tenant/is-mfa-registered.js";
import { startGraphServer, type GraphServer, type GraphServerOptions } from "../../../src/sandbox/tenant/start-graph-server.js";
import type { SimulatedTenant } from "../../../src/sandbox/tenant/simulated-tenant.js";
import { fetchAllPages, fetchGraph, type GraphCollection, type GraphErrorResponse } from "./fetch-graph.js";
import { schemaErrors } from "./graph-schema.js";
import { manualClock } from "./manual-clock.js";

const REPORT = "/v1.0/reports/authenticationMethods/userRegistrationDetails";
type Row = Record<string, unknown> & { id: string };

const tenant = generateTenant({ seed: 11, size: 600 });
let server: GraphServer | undefined;

async function serve(options: GraphServerOptions = {}, over: SimulatedTenant = tenant): Promise<GraphServer> {
  server = await startGraphServer(over, { reportsThrottle: { limit: 1_000, windowMs: 1_000 }, ...options });
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the userRegistrationDetails report", () => {
  it("pages with absolute nextLinks and returns every report row exactly once", async () => {
    const { url } = await serve();
    const pages = await fetchAllPages<Row>(`${url}${REPORT}?$top=97`);
    const ids = pages.flatMap((page) => page.value.map((row) => row.id));
    const expected = [...tenant.users.filter((user) => user.inReport), ...tenant.deletedUsers].map((user) => user.id);
    expect(pages.length).toBe(Math.ceil(expected.length / 97));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    for (const page of pages.slice(0, -1)) expect(page["@odata.nextLink"]).toMatch(new RegExp(`^${url}${REPORT}\\?.*\\$skiptoken=`));
    expect(pages.at(-1)?.["@odata.nextLink"]).toBeUndefined();
    expect(pages[0]?.["@odata.context"]).toBe(
      "https://graph.microsoft.com/v1.0/$metadata#reports/authenticationMethods/userRegistrationDetails",
    );
  });

  it("serves 100 rows per page by default and refuses a $top above 999", async () => {
    const { url } = await serve();
    expect((await fetchGraph<GraphCollection>(`${url}${REPORT}`)).body.value).toHaveLength(100);
    const reportSize = tenant.users.filter((user) => user.inReport).length + tenant.deletedUsers.length;
    expect((await fetchGraph<GraphCollection>(`${url}${REPORT}?$top=999`)).body.value).toHaveLength(reportSize);
    const tooBig = await fetchGraph<GraphErrorResponse>(`${url}${REPORT}?$top=1000`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.code).toBe("BadRequest");
  });

  it("derives each row from the model, with Microsoft's property names", async () => {
    const { url } = await serve();
    const rows = (await fetchAllPages<Row>(`${url}${REPORT}?$top=999`)).flatMap((page) => page.value);
    const guest = tenant.users.find((user) => user.kind === "guest" && user.methodsRegistered.length === 0);
    const guestRow = rows.find((row) => row.id === guest?.id);
    expect(guestRow).toMatchObject({ userType: "guest", isMfaRegistered: false, userPreferredMethodForSecondaryAuthentication: "" });
    const emailOnly = tenant.users.find((user) => user.methodsRegistered.join() === "email");
    expect(rows.find((row) => row.id === emailOnly?.id)).toMatchObject({ isMfaRegistered: false, methodsRegistered: ["email"] });
    const leaver = tenant.users.find((user) => !user.accountEnabled && isMfaRegistered(user.methodsRegistered));
    expect(rows.find((row) => row.id === leaver?.id)).toMatchObject({ isMfaRegistered: true, isMfaCapable: false });
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "id",
      "userPrincipalName",
      "userDisplayName",
      "isAdmin",
      "isSsprRegistered",
      "isSsprEnabled",
      "isSsprCapable",
      "isMfaRegistered",
      "isMfaCapable",
      "isPasswordlessCapable",
      "lastUpdatedDateTime",
      "methodsRegistered",
      "isSystemPreferredAuthenticationMethodEnabled",
      "systemPreferredAuthenticationMethods",
      "userPreferredMethodForSecondaryAuthentication",
      "userType",
    ]);
  });

  it("serves rows that satisfy Graph's userRegistrationDetails schema (apart from the docs' empty preference)", async () => {
    const { url } = await serve();
    const rows = (await fetchAllPages<Row>(`${url}${REPORT}?$top=999`)).flatMap((page) => page.value);
    // Microsoft's own example serves "" for a guest's preference, which the enum does not allow; so do we.
    const strict = rows.filter((row) => row.userPreferredMethodForSecondaryAuthentication !== "");
    expect(strict.length).toBeGreaterThan(500);
    expect(schemaErrors("microsoft.graph.userRegistrationDetails", strict)).toEqual([]);
  });

  it("trims rows to $select and keeps the selection on the next page", async () => {
    const { url } = await serve();
    const pages = await fetchAllPages<Row>(`${url}${REPORT}?$select=id,isMfaRegistered&$top=300`);
    expect(pages.length).toBeGreaterThan(1);
    for (const row of pages.flatMap((page) => page.value)) expect(Object.keys(row)).toEqual(["id", "isMfaRegistered"]);
    expect(pages[0]?.["@odata.context"]).toMatch(/userRegistrationDetails\(id,isMfaRegistered\)$/);
    const unknown = await fetchGraph<GraphErrorResponse>(`${url}${REPORT}?$select=id,department`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/department/);
  });

  it("filters with eq joined by and, across pages", async () => {
    const { url } = await serve();
    const filter = encodeURIComponent("isMfaRegistered eq false and userType eq 'member'");
    const rows = (await fetchAllPages<Row>(`${url}${REPORT}?$filter=${filter}&$top=50`)).flatMap((page) => page.value);
    const expected = [...tenant.users, ...tenant.deletedUsers].filter(
      (user) => user.inReport && user.userType === "Member" && !isMfaRegistered(user.methodsRegistered),
    );
    expect(rows.map((row) => row.id).sort()).toEqual(expected.map((user) => user.id).sort());
    expect(rows.every((row) => row.isMfaRegistered === false && row.userType === "member")).toBe(true);
  });

  it("answers an unsupported $filter with a 400 BadRequest that mentions the filter", async () => {
    const { url } = await serve();
    const response = await fetchGraph<GraphErrorResponse>(`${url}${REPORT}?$filter=${encodeURIComponent("isMfaRegistered gt 3")}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.body.error.code).toBe("BadRequest");
    expect(response.body.error.message).toMatch(/filter/);
    expect(response.body.error.innerError["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects a mangled $skiptoken with a 400", async () => {
    const { url } = await serve();
    const response = await fetchGraph<GraphErrorResponse>(`${url}${REPORT}?$skiptoken=not-a-token`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/skiptoken/);
  });

  it("shows a registration in the report only after the report lag, while the live methods show it at once", async () => {
    const clock = manualClock();
    const fresh = generateTenant({ seed: 12, size: 60 });
    const user = fresh.users.find((u) => u.kind === "person" && u.inReport && u.methodsRegistered.length === 0);
    if (user === undefined) throw new Error("the seed has no unregistered person");
    const { url } = await serve({ clock, reportLagMs: 3_600_000 }, fresh);
    fresh.registerUser(user.id, ["microsoftAuthenticatorPush"], clock.now());
    const live = await fetchGraph<GraphCollection<{ "@odata.type": string }>>(`${url}/v1.0/users/${user.id}/authentication/methods`);
    expect(live.body.value.map((method) => method["@odata.type"])).toContain("#microsoft.graph.microsoftAuthenticatorAuthenticationMethod");
    const before = await fetchGraph<Row>(`${url}${REPORT}/${user.id}`);
    expect(before.body).toMatchObject({ isMfaRegistered: false, methodsRegistered: [] });
    clock.advance(3_600_000);
    const after = await fetchGraph<Row>(`${url}${REPORT}/${user.id}`);
    expect(after.body).toMatchObject({ isMfaRegistered: true, methodsRegistered: ["microsoftAuthenticatorPush"] });
    expect(after.body.lastUpdatedDateTime).toBe(new Date(clock.now()).toISOString());
  });
});

describe("the identity reports throttle", () => {
  it("answers the 6th request within 10 s with 429, Retry-After and TooManyRequests, and recovers after", async () => {
    const clock = manualClock();
    // reportsThrottle undefined: Graph's published 5 per 10 s.
    const { url, requests } = await serve({ clock, reportsThrottle: undefined });
    for (let i = 0; i < 5; i++) {
      expect((await fetchGraph(`${url}${REPORT}?$top=1`)).status).toBe(200);
      clock.advance(1_000);
    }
    const throttled = await fetchGraph<GraphErrorResponse>(`${url}${REPORT}?$top=1`);
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.code).toBe("TooManyRequests");
    expect(throttled.headers.get("retry-after")).toBe("5"); // the first request leaves the window at t=10 s
    // Throttled requests are recorded but do not count: after 5 s exactly one slot is free.
    clock.advance(5_000);
    expect((await fetchGraph(`${url}${REPORT}?$top=1`)).status).toBe(200);
    expect((await fetchGraph(`${url}${REPORT}?$top=1`)).status).toBe(429);
    expect(requests.map((request) => request.status)).toEqual([200, 200, 200, 200, 200, 429, 200, 429]);
    // Other resources are not throttled with the reports.
    expect((await fetchGraph(`${url}/v1.0/users?$top=1`)).status).toBe(200);
  });

  it("uses a small window in real time and says at least one second", async () => {
    const { url } = await serve({ reportsThrottle: { limit: 2, windowMs: 600 } });
    expect((await fetchGraph(`${url}${REPORT}?$top=1`)).status).toBe(200);
    expect((await fetchGraph(`${url}${REPORT}?$top=1`)).status).toBe(200);
    const throttled = await fetchGraph(`${url}${REPORT}?$top=1`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("1");
    await new Promise((resolve) => setTimeout(resolve, 650));
    expect((await fetchGraph(`${url}${REPORT}?$top=1`)).status).toBe(200);
  });
});
