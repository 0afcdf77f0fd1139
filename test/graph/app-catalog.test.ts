import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCatalogApp } from "../../src/graph/app-catalog.js";
import { createGraphClient, type GraphClient } from "../../src/graph/client/graph-client.js";
import { generateTenant, startGraphServer, type GraphServer, type SimulatedTenant } from "../../src/sandbox/tenant/index.js";
import { systemClock } from "../../src/time/clock.js";

describe("finding the bot's app in the Teams app catalog", () => {
  let tenant: SimulatedTenant;
  let server: GraphServer;
  let graph: GraphClient;

  beforeAll(async () => {
    tenant = generateTenant({ seed: 5, size: 50 });
    server = await startGraphServer(tenant, { token: "t0ken" });
    graph = createGraphClient({
      baseUrl: server.url,
      tokens: { getToken: () => Promise.resolve("t0ken") },
      clock: systemClock,
      reportsPace: { limit: 5, windowMs: 10_000 },
      maxRetries: 0,
    });
  });
  afterAll(() => server.close());

  it("returns the catalog id of the app whose manifest id it is given, by the documented $filter", async () => {
    expect(await findCatalogApp(graph, tenant.teamsApp.externalId)).toEqual({
      id: tenant.teamsApp.id,
      externalId: tenant.teamsApp.externalId,
      displayName: "MFA Nudge",
      distributionMethod: "organization",
    });
    expect(server.requests.at(-1)?.query).toEqual({ $filter: `externalId eq '${tenant.teamsApp.externalId}'` });
  });

  it("returns nothing for a manifest id the catalog does not hold", async () => {
    expect(await findCatalogApp(graph, "00000000-0000-4000-8000-00000000abcd")).toBeUndefined();
  });
});
