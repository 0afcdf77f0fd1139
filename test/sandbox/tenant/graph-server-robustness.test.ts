import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { generateTenant } from "../../../src/sandbox/tenant/generate-tenant.js";
import { startGraphServer, type GraphServer, type GraphServerOptions } from "../../../src/sandbox/tenant/start-graph-server.js";
import { fetchAllPages, fetchGraph, type GraphErrorResponse } from "./fetch-graph.js";
import { schemaErrors } from "./graph-schema.js";

const REPORT = "/v1.0/reports/authenticationMethods/userRegistrationDetails";
const tenant = generateTenant({ seed: 41, size: 300 });
let server: GraphServer | undefined;

async function serve(options: GraphServerOptions = {}): Promise<GraphServer> {
  server = await startGraphServer(tenant, { reportsThrottle: { limit: 1_000, windowMs: 1_000 }, ...options });
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("fault injection", () => {
  it("lets `skip` matching requests through, then fails `times` of them, then recovers", async () => {
    const { url, injectFault } = await serve();
    injectFault({ path: REPORT, skip: 2, times: 2, status: 503, code: "ServiceUnavailable", retryAfterSeconds: 7 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const response = await fetchGraph<GraphErrorResponse>(`${url}${REPORT}?$top=10`);
      statuses.push(response.status);
      if (response.status === 503) {
        retryAfter = response.headers.get("retry-after");
        expect(response.body.error.code).toBe("ServiceUnavailable");
      }
    }
    expect(statuses).toEqual([200, 200, 503, 503, 200]);
    expect(retryAfter).toBe("7");
  });

  it("fails the third page of a paged read, which a client then retries", async () => {
    const { url, injectFault, requests } = await serve();
    injectFault({ method: "GET", path: /\/users$/, skip: 2, times: 1, status: 500, code: "UnknownError" });
    await expect(fetchAllPages(`${url}/v1.0/users?$top=50`)).rejects.toThrow(/page 3 answered 500/);
    const third = requests[2];
    expect(third?.query.$skiptoken).toBeDefined();
    expect(third?.status).toBe(500);
    // The same nextLink works when retried.
    expect((await fetchGraph(`${url}${third?.path}?${new URLSearchParams(third?.query).toString()}`)).status).toBe(200);
  });

  it("produces the 403s the bot must explain, with Graph's codes and messages", async () => {
    const { url, injectFault } = await serve();
    injectFault({
      path: REPORT,
      times: 1,
      status: 403,
      code: "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
      message: "Tenant is not a B2C tenant and doesn't have premium license",
    });
    injectFault({
      path: "/users",
      times: 1,
      status: 403,
      code: "Authorization_RequestDenied",
      message: "Insufficient privileges to complete the operation.",
    });
    const report = await fetchGraph<GraphErrorResponse>(`${url}${REPORT}`);
    expect(report.status).toBe(403);
    expect(report.body.error).toMatchObject({
      code: "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
      message: "Tenant is not a B2C tenant and doesn't have premium license",
    });
    const users = await fetchGraph<GraphErrorResponse>(`${url}/v1.0/users`);
    expect(users.body.error.code).toBe("Authorization_RequestDenied");
    expect((await fetchGraph(`${url}/v1.0/users`)).status).toBe(200);
  });

  it("only matches the method it names", async () => {
    const { url, injectFault } = await serve();
    injectFault({ method: "POST", path: /installedApps$/, times: 1, status: 429, code: "TooManyRequests", retryAfterSeconds: 2 });
    const user = tenant.users[0]?.id ?? "";
    expect((await fetchGraph(`${url}/v1.0/users/${user}/teamwork/installedApps`)).status).toBe(200);
    const post = await fetchGraph(`${url}/v1.0/users/${user}/teamwork/installedApps`, { method: "POST", body: "{}" });
    expect(post.status).toBe(429);
    expect(post.headers.get("retry-after")).toBe("2");
  });
});

describe("authentication", () => {
  it("requires the bearer token when one is configured", async () => {
    const { url } = await serve({ token: "s3cret" });
    const missing = await fetchGraph<GraphErrorResponse>(`${url}/v1.0/users`);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe("InvalidAuthenticationToken");
    const wrong = await fetchGraph<GraphErrorResponse>(`${url}/v1.0/users`, { headers: { Authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    expect((await fetchGraph(`${url}/v1.0/users`, { headers: { Authorization: "Bearer s3cret" } })).status).toBe(200);
  });

  it("echoes the client-request-id in the error's innerError", async () => {
    const { url } = await serve({ token: "s3cret" });
    const clientRequestId = "0f0e0d0c-0b0a-4908-8706-050403020100";
    const response = await fetchGraph<GraphErrorResponse>(`${url}/v1.0/users`, { headers: { "client-request-id": clientRequestId } });
    expect(response.body.error.innerError["client-request-id"]).toBe(clientRequestId);
    expect(response.body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});

describe("robustness", () => {
  it("keeps serving after malformed requests", async () => {
    const { url } = await serve();
    const bad = [
      `${url}/v1.0/users/%E0%A4%A`,
      `${url}/v1.0/users?$top=abc`,
      `${url}/v1.0/users?$filter=${encodeURIComponent("(((")}`,
      `${url}/v1.0/users?$expand=memberOf`,
      `${url}/v1.0/users?$orderby=displayName`,
      `${url}/v1.0/users/delta?$skiptoken=%%%`,
      `${url}/v1.0/users/delta?$deltatoken=eyJjIjoiZGVsdGEiLCJzIjpbMV19`,
      `${url}/v1.0/nothing/here`,
      `${url}/beta/users`,
    ];
    for (const target of bad) {
      const response = await fetchGraph<GraphErrorResponse>(target);
      expect([400, 404]).toContain(response.status);
      expect(response.body.error.code).toMatch(/^(BadRequest|Request_ResourceNotFound)$/);
    }
    // Garbage on the socket, and a request that lies about its body, are shrugged off.
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(url).port), "127.0.0.1", () => socket.end("THIS IS NOT HTTP\r\n\r\n"));
      socket.on("close", () => resolve());
      socket.on("error", () => resolve());
    });
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${url}/v1.0/users/x/teamwork/installedApps`, { method: "POST", headers: { "content-length": "100" } });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
      req.write("{");
      req.destroy();
    });
    expect((await fetchGraph(`${url}/v1.0/users?$top=1`)).status).toBe(200);
  });

  it("records each request with its method, path, query, body, time and status", async () => {
    const { url, requests } = await serve();
    await fetchGraph(`${url}/v1.0/users?$top=2&$select=id`);
    await fetchGraph(`${url}/v1.0/users/${tenant.users[0]?.id}/teamwork/installedApps`, { method: "POST", body: JSON.stringify({ a: 1 }) });
    expect(requests[0]).toMatchObject({ method: "GET", path: "/v1.0/users", query: { $top: "2", $select: "id" }, status: 200 });
    expect(requests[0]?.body).toBeUndefined();
    expect(requests[1]).toMatchObject({ method: "POST", body: { a: 1 }, status: 400 });
    expect(typeof requests[1]?.at).toBe("number");
  });

  it("adds the configured latency to every response", async () => {
    const { url } = await serve({ latencyMs: 60 });
    const started = performance.now();
    await fetchGraph(`${url}/v1.0/users?$top=1`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("has a schema check that does reject a wrongly shaped row", () => {
    expect(schemaErrors("microsoft.graph.userRegistrationDetails", [{ id: "x", isMfaRegistered: "no" }])).toHaveLength(1);
    expect(schemaErrors("microsoft.graph.user", [{ id: "x", accountEnabled: "yes" }])).toHaveLength(1);
  });
});
