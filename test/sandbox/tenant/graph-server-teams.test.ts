import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateTenant } from "../../../src/sandbox/tenant/generate-tenant.js";
import type { SimulatedTenant } from "../../../src/sandbox/tenant/simulated-tenant.js";
import { startGraphServer, type GraphServer } from "../../../src/sandbox/tenant/start-graph-server.js";
import type { SimulatedUser } from "../../../src/sandbox/tenant/simulated-user.js";
import { installationIdOf } from "../../../src/sandbox/tenant/teams-app-resources.js";
import { manualClock, type ManualClock } from "./manual-clock.js";
import { fetchGraph, type GraphCollection, type GraphErrorResponse } from "./fetch-graph.js";
import { schemaErrors } from "./graph-schema.js";

type Installation = { id: string; teamsApp?: Record<string, unknown> };

let tenant: SimulatedTenant;
let server: GraphServer;
let clock: ManualClock;
let base = "";

beforeEach(async () => {
  // A fresh tenant per test: installing changes the model.
  tenant = generateTenant({ seed: 31, size: 1_000 });
  clock = manualClock(tenant.generatedAtMs);
  server = await startGraphServer(tenant, { clock });
  base = `${server.url}/v1.0`;
});
afterEach(() => server.close());

const person = (test: (user: SimulatedUser) => boolean): SimulatedUser => {
  const found = tenant.users.find((user) => user.kind === "person" && test(user));
  if (found === undefined) throw new Error("the seed has no such person");
  return found;
};

function install(
  userId: string,
  body: unknown = { "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${tenant.teamsApp.id}` },
) {
  return fetchGraph<GraphErrorResponse | undefined>(`${base}/users/${userId}/teamwork/installedApps`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("proactive installation of the bot", () => {
  it("answers 201 with no body, then 409 Conflict once installed", async () => {
    const user = person((u) => !u.teamsAppInstalled && !u.teamsAppBlocked);
    const first = await install(user.id);
    expect(first.status).toBe(201);
    expect(first.body).toBeUndefined();
    expect(user.teamsAppInstalled).toBe(true);
    const again = await install(user.id);
    expect(again.status).toBe(409);
    expect(again.body?.error.code).toBe("Conflict");
  });

  it("answers 403 Forbidden when an app permission policy blocks the app", async () => {
    const user = person((u) => u.teamsAppBlocked);
    const response = await install(user.id);
    expect(response.status).toBe(403);
    expect(response.body?.error.code).toBe("Forbidden");
    expect(user.teamsAppInstalled).toBe(false);
  });

  it.each([
    ["not JSON", "{ nope"],
    ["no binding", {}],
    ["a binding that is not an app catalog URL", { "teamsApp@odata.bind": "https://example.com/x" }],
  ])("answers 400 for a body with %s", async (_what, body) => {
    const response = await install(person((u) => !u.teamsAppInstalled).id, body);
    expect(response.status).toBe(400);
    expect(response.body?.error.code).toBe("BadRequest");
  });

  it("answers 404 for an app the catalog does not have, or an unknown user", async () => {
    const other = { "teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/00000000-0000-4000-8000-000000000001" };
    expect((await install(person((u) => !u.teamsAppInstalled).id, other)).status).toBe(404);
    expect((await install("00000000-0000-4000-8000-000000000009")).status).toBe(404);
  });
});

describe("finding the bot's chat with a user", () => {
  it("lists the installation filtered by app id, with the teamsApp expanded", async () => {
    const user = person((u) => u.teamsAppInstalled);
    const filter = encodeURIComponent(`teamsApp/id eq '${tenant.teamsApp.id}'`);
    const response = await fetchGraph<GraphCollection<Installation>>(
      `${base}/users/${user.id}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`,
    );
    expect(response.body.value).toEqual([
      {
        id: installationIdOf(user.id, tenant.teamsApp.id),
        teamsApp: {
          id: tenant.teamsApp.id,
          externalId: tenant.teamsApp.externalId,
          displayName: "MFA Nudge",
          distributionMethod: "organization",
        },
      },
    ]);
    const other = encodeURIComponent("teamsApp/id eq '00000000-0000-4000-8000-000000000001'");
    expect(
      (await fetchGraph<GraphCollection>(`${base}/users/${user.id}/teamwork/installedApps?$expand=teamsApp&$filter=${other}`)).body.value,
    ).toEqual([]);
  });

  it("lists nothing for a user without the app, and leaves teamsApp out unless expanded", async () => {
    const without = person((u) => !u.teamsAppInstalled);
    expect((await fetchGraph<GraphCollection>(`${base}/users/${without.id}/teamwork/installedApps`)).body.value).toEqual([]);
    const withApp = person((u) => u.teamsAppInstalled);
    const plain = await fetchGraph<GraphCollection<Installation>>(`${base}/users/${withApp.id}/teamwork/installedApps`);
    expect(plain.body.value[0]).toEqual({ id: installationIdOf(withApp.id, tenant.teamsApp.id) });
  });

  it("returns the one-on-one chat of a fresh installation once Teams has opened it, with the user's id in the chat id", async () => {
    const user = person((u) => !u.teamsAppInstalled && !u.teamsAppBlocked);
    expect((await install(user.id)).status).toBe(201);
    const listed = await fetchGraph<GraphCollection<Installation>>(
      `${base}/users/${user.id}/teamwork/installedApps?$expand=teamsApp&$filter=` +
        encodeURIComponent(`teamsApp/id eq '${tenant.teamsApp.id}'`),
    );
    const installationId = listed.body.value[0]?.id ?? "";
    const chatUrl = `${base}/users/${user.id}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`;
    const early = await fetchGraph<GraphErrorResponse>(chatUrl);
    expect([early.status, early.body.error.code]).toEqual([404, "NotFound"]);
    clock.advance(tenant.chatOpensAfterMs);
    const chat = await fetchGraph<Record<string, unknown>>(chatUrl);
    expect(chat.status).toBe(200);
    expect(chat.body).toMatchObject({ id: `19:${tenant.botAppId}_${user.id}@unq.gbl.spaces`, chatType: "oneOnOne", topic: null });
    expect(schemaErrors("microsoft.graph.chat", [chat.body])).toEqual([]);
    expect(schemaErrors("microsoft.graph.userScopeTeamsAppInstallation", listed.body.value)).toEqual([]);
  });

  it("answers 404 for the chat of an installation that does not exist", async () => {
    const user = person((u) => !u.teamsAppInstalled);
    const response = await fetchGraph<GraphErrorResponse>(
      `${base}/users/${user.id}/teamwork/installedApps/${encodeURIComponent(installationIdOf(user.id, tenant.teamsApp.id))}/chat`,
    );
    expect(response.status).toBe(404);
  });
});

describe("the tenant's Teams app catalog", () => {
  const catalog = (filter: string) =>
    fetchGraph<GraphCollection>(`${base}/appCatalogs/teamsApps?$filter=${encodeURIComponent(filter)}`).then((r) => r.body.value);

  it("finds the bot's app by its manifest id, with its own catalog id", async () => {
    expect(await catalog(`externalId eq '${tenant.teamsApp.externalId}'`)).toEqual([
      { id: tenant.teamsApp.id, externalId: tenant.teamsApp.externalId, displayName: "MFA Nudge", distributionMethod: "organization" },
    ]);
    expect(tenant.teamsApp.id).not.toBe(tenant.teamsApp.externalId);
  });

  it("lists nothing for the manifest id before an admin uploads the app, and then installs answer 404", async () => {
    tenant.teamsAppInCatalog = false;
    expect(await catalog(`externalId eq '${tenant.teamsApp.externalId}'`)).toEqual([]);
    const response = await install(person((u) => !u.teamsAppInstalled && !u.teamsAppBlocked).id);
    expect([response.status, response.body?.error.code]).toEqual([404, "NotFound"]);
  });
});

describe("refusals worded as Graph words them", () => {
  it("names the app permission policy, with AccessDenied inside, when a policy blocks the install", async () => {
    const user = person((u) => u.teamsAppBlocked);
    const response = await install(user.id);
    expect(response.body?.error.message).toBe(
      `App is blocked by app permission policy. TenantId: ${tenant.tenantId}, UserObjectId: ${user.id}, ` +
        `AppId: ${tenant.teamsApp.id}, AppType: Private`,
    );
    expect((response.body?.error.innerError as { code?: string }).code).toBe("AccessDenied");
  });
});
