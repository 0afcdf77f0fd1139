import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config/read-config.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { expectedRecipients, startCampaignWorld, type CampaignWorld } from "../support/campaign-world.js";
import { runCliCaptured } from "../support/run-cli-captured.js";

const adminChannel = "19:mfa-admins@thread.tacv2";
const installPath = /^\/v1\.0\/users\/[^/]+\/teamwork\/installedApps$/;

/** A tenant where nobody has the app yet, as on a real tenant's first day. */
async function firstDay(options: Parameters<typeof startCampaignWorld>[0]): Promise<CampaignWorld> {
  const world = await startCampaignWorld({
    channels: [adminChannel],
    campaign: { adminReport: { conversationId: adminChannel, time: "23:59" } },
    ...options,
  });
  for (const user of world.tenant.users) {
    user.teamsAppInstalled = false;
    user.teamsAppInstalledDateTime = null;
    user.teamsAppBlocked = false;
  }
  // Only the manifest id, as an admin following the README would set it: the catalog id is looked up.
  delete world.env.TEAMS_CATALOG_APP_ID;
  return world;
}

describe("a real tenant's first day: nobody has the app yet", () => {
  let world: CampaignWorld | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    await world?.close();
    store = undefined;
  });

  const unreachable = async () =>
    (store ??= await openStore(readConfig(world!.env).database)).db
      .selectFrom("people_state")
      .select("user_id")
      .where("unreachable_until", "is not", null)
      .execute();

  it("reminds everyone due once, through installs by the catalog id found from the manifest id, and marks nobody unreachable", async () => {
    world = await firstDay({ size: 150, seed: 41 });
    const { tenant, graph, connector } = world;
    const due = expectedRecipients(tenant, () => false);
    expect(due.length).toBeGreaterThan(10);

    const run = await runCliCaptured(["run-once"], world.env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Sent ${due.length} \\(installed the bot for ${due.length}\\), unreachable 0, failed 0\\.\\n$`));

    const lookup = graph.requests.filter((r) => r.path === "/v1.0/appCatalogs/teamsApps");
    expect(lookup.map((r) => [r.status, r.query.$filter])).toEqual([[200, `externalId eq '${tenant.teamsApp.externalId}'`]]);
    const installs = graph.requests.filter((r) => r.method === "POST" && installPath.test(r.path));
    const binds = new Set(installs.map((r) => (r.body as Record<string, string>)["teamsApp@odata.bind"]));
    expect([...binds]).toEqual([`${graph.url}/v1.0/appCatalogs/teamsApps/${tenant.teamsApp.id}`]);
    expect(installs.filter((r) => r.status === 201)).toHaveLength(due.length);

    // Teams did refuse the conversation right after the installs, and that marked nobody.
    expect(connector.requests.filter((r) => r.path === "/v3/conversations" && r.status === 403).length).toBeGreaterThanOrEqual(due.length);
    expect(await unreachable()).toEqual([]);
    const received = connector.activities.filter((a) => a.conversationId !== adminChannel).map((a) => a.userId);
    expect(received.sort()).toEqual(due.map((u) => u.id).sort());
  }, 120_000);

  it("raises one alert and marks nobody unreachable when the install permission is missing", async () => {
    world = await firstDay({ size: 150, seed: 42 });
    world.graph.setup.grantedPermissions.delete("TeamsAppInstallation.ReadWriteSelfForUser.All");
    const { graph, connector } = world;
    const first = await runCliCaptured(["run-once"], world.env);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Sent 0, unreachable 0, failed 0, held \d+ until the Teams app setup is fixed\.\n$/);
    expect(first.stderr).toContain("Grant the application permission TeamsAppInstallation.ReadWriteSelfForUser.All");
    // The first refusal stopped the installs: the ones already in flight on the 8 sending lanes, not one per person.
    const installs = graph.requests.filter((r) => r.method === "POST" && installPath.test(r.path));
    expect(installs.length).toBeLessThanOrEqual(8);
    expect(installs.every((r) => r.status === 403)).toBe(true);
    const second = await runCliCaptured(["run-once"], world.env);
    expect(second.code).toBe(1);

    const alerts = connector.activities.filter((a) => a.conversationId === adminChannel).map((a) => JSON.stringify(a.activity));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain("The bot can't install itself for people");
    expect(alerts[0]).toContain("Missing role permissions on the request");
    expect(await unreachable()).toEqual([]);
    const rows = await store!.db.selectFrom("outbox").select(["status", "attempts"]).where("kind", "=", "reminder").execute();
    expect(new Set(rows.map((r) => `${r.status}:${r.attempts}`))).toEqual(new Set(["pending:0"]));
  }, 120_000);

  it("refuses to start, saying what to do, when the manifest id is not in the catalog", async () => {
    world = await firstDay({ size: 30, seed: 43 });
    world.tenant.teamsAppInCatalog = false;
    const run = await runCliCaptured(["run-once"], world.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `No app with the manifest id ${world.tenant.teamsApp.externalId} (TEAMS_APP_ID) is in your Teams app catalog.`,
    );
    expect(run.stderr).toContain("Upload out/mfa-nudge-teams-app.zip");
    expect(world.connector.activities).toEqual([]);
  });

  it("holds the reminders and alerts the admins when TEAMS_CATALOG_APP_ID names an app the catalog does not have", async () => {
    world = await firstDay({ size: 60, seed: 44 });
    world.env.TEAMS_CATALOG_APP_ID = world.tenant.teamsApp.externalId;
    const run = await runCliCaptured(["run-once"], world.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Graph found no Teams app with the catalog id ${world.tenant.teamsApp.externalId} to install.`);
    const alerts = world.connector.activities.filter((a) => a.conversationId === adminChannel).map((a) => JSON.stringify(a.activity));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain("The bot can't install itself for people");
    expect(await unreachable()).toEqual([]);
  });
});
