import { writeFileSync } from "node:fs";
import { DateTime } from "luxon";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCsv } from "../../src/chatops/export-command.js";
import { readCampaign } from "../../src/config/read-campaign.js";
import { saveDailyFigures } from "../../src/store/daily-figures.js";
import type { OutboxPayload } from "../../src/delivery/outbox-payload.js";
import { personalConversationId } from "../../src/sandbox/connector/simulated-connector.js";
import { cardAction, personalMessage, postToBot, type TeamsEnvironment } from "../../src/sandbox/connector/teams-activities.js";
import { reportView, type SimulatedUser } from "../../src/sandbox/tenant/index.js";
import { campaignFor, startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { runCliCaptured } from "../support/run-cli-captured.js";
import { startBot, type RunningBot } from "../support/start-bot.js";

/*
 * One snapshot with exclusions and a stricter requirement (the Authenticator app or better, so a
 * phone alone does not count), one person confirmed live by "I've done it": every surface must
 * report the figures worked out here from the simulated tenant's own model, not from our code.
 */

// Methods that meet "authenticator" (Microsoft's docs: the app, OATH codes, passwordless keys).
const appOrBetter = new Set([
  "microsoftAuthenticatorPush",
  "microsoftAuthenticatorPasswordless",
  "softwareOneTimePasscode",
  "hardwareOneTimePasscode",
  "fido2SecurityKey",
  "windowsHelloForBusiness",
  "passKeyDeviceBound",
  "passKeyDeviceBoundAuthenticator",
  "passKeyDeviceBoundWindowsHello",
  "macOsSecureEnclaveKey",
]);
const adminsChannel = "19:admins@thread.tacv2";
const today = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][DateTime.now().setZone("Europe/London").weekday - 1];
const tomorrow = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][DateTime.now().setZone("Europe/London").weekday % 7];

interface Truth {
  inScope: SimulatedUser[];
  registered: Set<string>;
  excluded: number;
}

describe("one set of numbers, whatever surface shows them", () => {
  let world: CampaignWorld;
  let bot: RunningBot;
  let truth: Truth;
  let confirmed: SimulatedUser;
  let admin: string;
  const env = (): TeamsEnvironment => ({ serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" });

  beforeAll(async () => {
    const campaign = { requirement: "authenticator", digest: { day: tomorrow, time: "00:00" } };
    world = await startCampaignWorld({ size: 300, seed: 23, campaign, channels: [adminsChannel] });
    // An admin the simulated Teams knows (it has a chat with them), registered or not, it does not matter.
    admin = (world.tenant.users.find((u) => u.kind === "person" && u.accountEnabled) as SimulatedUser).id;
    world.env.ADMIN_USER_IDS = admin;
    // First run: reminders go out; no digest (tomorrow) and no admins' channel yet.
    expect((await runCliCaptured(["run-once"], world.env)).code).toBe(0);

    // Someone with only a phone registers the app and presses "I've done it" before the report knows.
    bot = await startBot(world.env);
    const rows = await bot.runtime.store.db
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "reminder")
      .where("status", "=", "sent")
      .execute();
    const phoneOnly = rows.find((r) =>
      reportView(world.tenant.userById(r.recipient_id) as SimulatedUser).methodsRegistered.includes("mobilePhone"),
    );
    expect(phoneOnly).toBeDefined();
    const row = phoneOnly as (typeof rows)[number];
    confirmed = world.tenant.registerUser(row.recipient_id, ["microsoftAuthenticatorPush"], Date.now());
    const pressed = await postToBot(
      bot.server.url,
      cardAction(env(), { aadObjectId: row.recipient_id, name: "x" }, "done", { outboxId: row.id, userId: row.recipient_id }),
    );
    expect(pressed.status).toBe(200);
    await bot.close();

    // Second run, digest day and the admins' channel: digests, the daily report and the trend come from it.
    writeFileSync(
      world.env.CAMPAIGN_FILE as string,
      stringify(
        campaignFor(world.tenant, {
          ...campaign,
          digest: { day: today, time: "00:00" },
          adminReport: { conversationId: adminsChannel, time: "00:00" },
        }),
      ),
    );
    expect((await runCliCaptured(["run-once"], world.env)).code).toBe(0);
    bot = await startBot(world.env);

    const policy = readCampaign(world.env.CAMPAIGN_FILE as string);
    const excluded = (u: SimulatedUser) =>
      u.kind === "breakGlass" ||
      u.kind === "service" ||
      !u.accountEnabled ||
      u.userType === "Guest" ||
      policy.exclude.users.includes(u.userPrincipalName.toLowerCase());
    const inScope = world.tenant.users.filter((u) => !excluded(u));
    const registered = new Set(
      inScope.filter((u) => u.id === confirmed.id || reportView(u).methodsRegistered.some((m) => appOrBetter.has(m))).map((u) => u.id),
    );
    truth = { inScope, registered, excluded: world.tenant.users.length - inScope.length };
    expect(registered.size).toBeGreaterThan(50);
    expect(inScope.length - registered.size).toBeGreaterThan(50);
    expect(truth.excluded).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await bot?.close();
    await world?.close();
  });

  const percent = (registered: number, members: number) => Math.round((registered / members) * 1000) / 10;

  it("mfa-nudge status --json adds the campaign's figures", async () => {
    const out = await runCliCaptured(["status", "--json"], world.env);
    expect(out.code).toBe(0);
    const campaign = (JSON.parse(out.stdout) as { campaign: Record<string, unknown> }).campaign;
    expect(campaign).toMatchObject({
      requirement: "authenticator",
      inScope: truth.inScope.length,
      registered: truth.registered.size,
      notRegistered: truth.inScope.length - truth.registered.size,
      excluded: truth.excluded,
      percentRegistered: percent(truth.registered.size, truth.inScope.length),
    });
  });

  it("/mfa status shows the same donut, and the trend's last point is the donut", async () => {
    // A line needs two points: yesterday's, as an earlier run would have left it.
    const yesterday = DateTime.now().setZone("Europe/London").minus({ days: 1 }).toISODate() ?? "";
    const earlier = { day: yesterday, accounts: 1, inScope: 10, registered: 1, admins: 0, adminsRegistered: 0 };
    await saveDailyFigures(bot.runtime.store, earlier, new Date());
    const answer = await postToBot(bot.server.url, personalMessage(env(), { aadObjectId: admin, name: "Admin" }, "/mfa status"));
    expect(answer.status).toBe(200);
    const card = lastActivityIn(world, personalConversationId(admin));
    expect(donutValues(card)).toEqual([truth.registered.size, truth.inScope.length - truth.registered.size]);
    expect(lastTrendPoint(card)).toBe(percent(truth.registered.size, truth.inScope.length));
  });

  it("the admins' daily report shows the same donut", () => {
    const report = lastActivityIn(world, adminsChannel);
    expect(donutValues(report)).toEqual([truth.registered.size, truth.inScope.length - truth.registered.size]);
  });

  it("every digest gives the organisation's figures and exactly its team's", async () => {
    const digests = await bot.runtime.store.db
      .selectFrom("outbox")
      .select(["recipient_id", "payload"])
      .where("kind", "=", "digest")
      .execute();
    expect(digests.length).toBeGreaterThan(3);
    for (const digest of digests) {
      const payload = JSON.parse(digest.payload) as Extract<OutboxPayload, { card: "digest" }>;
      const team = truth.inScope.filter((u) => u.managerId === digest.recipient_id);
      expect(payload.organisation).toEqual({ members: truth.inScope.length, registered: truth.registered.size });
      expect(payload.team).toEqual({ members: team.length, registered: team.filter((u) => truth.registered.has(u.id)).length });
    }
  });

  it("the CSV export lists everyone in scope, marking the same people registered", async () => {
    const csv = await exportCsv(bot.runtime.store, readCampaign(world.env.CAMPAIGN_FILE as string), "en");
    const rows = csv.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(truth.inScope.length);
    const registeredUpns = rows.filter((r) => r.split(",")[6] === "yes").map((r) => r.split(",")[0]);
    expect(registeredUpns.sort()).toEqual(
      truth.inScope
        .filter((u) => truth.registered.has(u.id))
        .map((u) => u.userPrincipalName)
        .sort(),
    );
  });
});

/** The last activity the connector received in a conversation. */
function lastActivityIn(world: CampaignWorld, conversationId: string): unknown {
  return world.connector.activities.filter((a) => a.conversationId === conversationId).at(-1)?.activity;
}

/** Every element of a card (or activity) of a given type, however deep. */
function elementsOf(node: unknown, type: string): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap((n) => elementsOf(n, type));
  if (typeof node !== "object" || node === null) return [];
  const o = node as Record<string, unknown>;
  return [...(o.type === type ? [o] : []), ...Object.values(o).flatMap((v) => elementsOf(v, type))];
}

function donutValues(card: unknown): number[] {
  const [donut] = elementsOf(card, "Chart.Donut");
  return ((donut?.data ?? []) as { value: number }[]).map((d) => d.value);
}

function lastTrendPoint(card: unknown): number | undefined {
  const [line] = elementsOf(card, "Chart.Line");
  const points = ((line?.data as { values?: { y: number }[] }[] | undefined)?.[0]?.values ?? []).map((v) => v.y);
  return points.at(-1);
}
