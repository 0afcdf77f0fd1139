import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphClient } from "../../src/graph/client/graph-client.js";
import { generateTenant, startGraphServer, type GraphServer } from "../../src/sandbox/tenant/index.js";
import { systemClock } from "../../src/time/clock.js";

describe("the Graph client's edges", () => {
  let graph: GraphServer;

  beforeAll(async () => {
    graph = await startGraphServer(generateTenant({ seed: 3, size: 20, nowMs: Date.now() }), { token: "t0ken" });
  });
  afterAll(async () => {
    await graph?.close();
  });

  const client = (baseUrl: string, tokens = { getToken: () => Promise.resolve("t0ken") }) =>
    createGraphClient({ baseUrl, tokens, clock: systemClock, reportsPace: { limit: 5, windowMs: 10_000 }, timeoutMs: 300 });

  it("gives up on a request Graph does not answer in time and tries it again", async () => {
    graph.injectFault({ path: "/v1.0/users", times: 1, status: 504, code: "GatewayTimeout", stallMs: 600_000 });
    const before = graph.requests.length;
    const body = (await client(graph.url).get("/users?$top=5")) as { value: unknown[] };
    expect(body.value).toHaveLength(5);
    expect(graph.requests.slice(before).map((r) => r.path)).toEqual(["/v1.0/users", "/v1.0/users"]);
  });

  it("never asks for a token to send over plain http beyond this machine", async () => {
    let asked = 0;
    const tokens = { getToken: () => ((asked += 1), Promise.resolve("t0ken")) };
    await expect(client("http://graph.contoso.test", tokens).get("/users")).rejects.toThrow(
      "refusing to send the Graph token over plain http to graph.contoso.test",
    );
    expect(asked).toBe(0);
  });
});
