import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedActivity } from "../../src/sandbox/connector/recorded-activity.js";
import { personalConversationId } from "../../src/sandbox/connector/simulated-connector.js";
import { personalMessage, postToBot } from "../../src/sandbox/connector/teams-activities.js";
import { expectedText } from "../support/expected-text.js";
import { startBot } from "../support/start-bot.js";
import type { SimulatedUser } from "../../src/sandbox/tenant/index.js";
import { expectedRecipients, startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { runCliCaptured } from "../support/run-cli-captured.js";

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

interface CardNode {
  type?: string;
  verb?: string;
  url?: string;
  text?: string;
  facts?: { title: string; value: string }[];
}

/** Every node of the activity's card, depth first. */
function nodesOf(activity: RecordedActivity): CardNode[] {
  const found: CardNode[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      found.push(node);
      Object.values(node).forEach(walk);
    }
  };
  walk((activity.activity.attachments as { content: unknown }[]).map((a) => a.content));
  return found;
}

const verbsOf = (a: RecordedActivity) =>
  nodesOf(a)
    .filter((n) => n.type === "Action.Execute")
    .map((n) => n.verb)
    .sort();
const textOf = (a: RecordedActivity) =>
  nodesOf(a)
    .flatMap((n) => (n.type === "TextBlock" ? [n.text] : n.type === "FactSet" ? (n.facts ?? []).map((f) => `${f.title}: ${f.value}`) : []))
    .join("\n");
// The help card offers "I've done it" and "I need help" only; a reminder adds "No smartphone?" (and "Remind me later").
const isHelpCard = (a: RecordedActivity) => !verbsOf(a).includes("noSmartphone");

describe("after enforcement: people Entra ID stops at sign-in, through run-once against the simulated tenant", () => {
  let world: CampaignWorld;
  let first: Awaited<ReturnType<typeof runCliCaptured>>;
  let interrupted: SimulatedUser;
  let interruptedTwice: SimulatedUser;
  let registeredSince: SimulatedUser;
  let succeeded: SimulatedUser;
  let longAgo: SimulatedUser;
  let mfaChallenged: SimulatedUser;
  let excluded: SimulatedUser[];
  let admin: SimulatedUser;
  let stoppedAt: number;

  beforeAll(async () => {
    world = await startCampaignWorld({ size: 160, seed: 23 });
    const { tenant } = world;
    const candidates = expectedRecipients(tenant, () => false).filter((u) => !(u.teamsAppBlocked && !u.teamsAppInstalled));
    expect(candidates.length).toBeGreaterThan(20);
    [interrupted, interruptedTwice, registeredSince, succeeded, longAgo, mfaChallenged] = candidates as [
      SimulatedUser,
      SimulatedUser,
      SimulatedUser,
      SimulatedUser,
      SimulatedUser,
      SimulatedUser,
    ];
    excluded = tenant.users.filter((u) => u.kind === "breakGlass" || u.kind === "service");
    expect(excluded.length).toBeGreaterThan(1);
    // An admin who is none of the scenario's people.
    admin = tenant.users.find((u) => u.kind === "person" && u.accountEnabled && u.userType === "Member" && !candidates.includes(u))!;
    world.env.ADMIN_USER_IDS = admin.id;

    const now = Date.now();
    stoppedAt = now - 2 * hourMs;
    tenant.recordSignIn(interrupted.id, stoppedAt, 50079, "Contoso Expenses");
    tenant.recordSignIn(interruptedTwice.id, now - 5 * hourMs, 50072, 1);
    tenant.recordSignIn(interruptedTwice.id, now - 3 * hourMs, 50079, 0);
    // Stopped, then registered: the report now lists them as registered.
    tenant.recordSignIn(registeredSince.id, now - 4 * hourMs, 50079, 0);
    tenant.registerUser(registeredSince.id, ["microsoftAuthenticatorPush"], now - 3 * hourMs);
    tenant.recordSignIn(succeeded.id, now - hourMs, 0, 1);
    tenant.recordSignIn(longAgo.id, now - 8 * dayMs, 50079, 0);
    // 50074: asked for MFA they have; not a "must register" code.
    tenant.recordSignIn(mfaChallenged.id, now - hourMs, 50074, 0);
    for (const account of excluded) tenant.recordSignIn(account.id, now - hourMs, 50072, 2);

    first = await runCliCaptured(["run-once"], world.env);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("asks Graph for the must-register codes of the last 7 days, in the identity reports' lane", () => {
    const reads = world.graph.requests.filter((r) => r.path === "/v1.0/auditLogs/signIns");
    expect(reads).toHaveLength(1);
    const filter = reads[0]?.query.$filter ?? "";
    const since = /^createdDateTime ge (\S+) and \(status\/errorCode eq 50072 or status\/errorCode eq 50079\)$/.exec(filter)?.[1];
    expect(since).toBeDefined();
    const lookback = (reads[0]?.at ?? 0) - Date.parse(since ?? "");
    expect(lookback).toBeGreaterThanOrEqual(7 * dayMs - 60_000);
    expect(lookback).toBeLessThanOrEqual(7 * dayMs + 60_000);
    expect(reads[0]?.status).toBe(200);
  });

  it("sends the help card, once, to exactly the people in scope and not registered who were stopped", () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const helped = world.connector.activities.filter(isHelpCard).map((a) => a.userId);
    expect(helped.sort()).toEqual([interrupted.id, interruptedTwice.id].sort());
  });

  it("sends everyone else due their ordinary reminder, and nothing to the registered or excluded", () => {
    const expected = expectedRecipients(world.tenant, (u) => u.teamsAppBlocked && !u.teamsAppInstalled).map((u) => u.id);
    const received = world.connector.activities.map((a) => a.userId);
    expect(received.sort()).toEqual([...expected].sort());
    expect(received).not.toContain(registeredSince.id);
    for (const account of excluded) expect(received).not.toContain(account.id);
    const reminded = world.connector.activities.filter((a) => !isHelpCard(a)).map((a) => a.userId);
    for (const person of [succeeded, longAgo, mfaChallenged]) expect(reminded).toContain(person.id);
  });

  it("names the app, the time on their clock and the helpdesk, links only to Microsoft's page, and offers I need help", () => {
    const card = world.connector.activities.find((a) => a.userId === interrupted.id);
    expect(card).toBeDefined();
    const text = textOf(card!);
    expect(text).toContain("Contoso Expenses");
    // Nobody has told the bot their zone yet: the campaign's (Europe/London) stands for it.
    expect(text).toContain(DateTime.fromMillis(stoppedAt, { zone: "Europe/London" }).toFormat("HH:mm"));
    expect(text).toContain("IT Service Desk");
    expect(text).toContain("servicedesk@contoso.com");
    expect(
      nodesOf(card!)
        .filter((n) => n.type === "Action.OpenUrl")
        .map((n) => n.url),
    ).toEqual(["https://aka.ms/mysecurityinfo"]);
    expect(verbsOf(card!)).toEqual(["done", "help"]);
    // Stopped twice: the card names the latest sign-in's app.
    expect(textOf(world.connector.activities.find((a) => a.userId === interruptedTwice.id)!)).toContain("Office 365 Exchange Online");
  });

  it("counts them in status --json, as the status card does", async () => {
    const status = await runCliCaptured(["status", "--json"], world.env);
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout) as { signInInterrupts: { since: string; people: number } };
    expect(json.signInInterrupts.people).toBe(2);
    expect(Object.keys(json.signInInterrupts).sort()).toEqual(["people", "since"]);
    expect(new Date(json.signInInterrupts.since).toISOString()).toBe(json.signInInterrupts.since);
  });

  it("lists them for admins with /mfa pending --blocked, and counts them with their apps on /mfa status", async () => {
    const bot = await startBot(world.env);
    try {
      const ask = async (text: string) => {
        const before = world.connector.activities.length;
        const env = { serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" };
        const user = {
          aadObjectId: admin.id,
          name: admin.displayName,
          ...(admin.preferredLanguage ? { locale: admin.preferredLanguage } : {}),
        };
        expect((await postToBot(bot.server.url, personalMessage(env, user, text))).status).toBe(200);
        const reply = world.connector.activities.slice(before).find((a) => a.conversationId === personalConversationId(admin.id));
        expect(reply).toBeDefined();
        return reply!;
      };
      const blocked = textOf(await ask("/mfa pending --blocked"));
      const listed = world.tenant.users.filter((u) => blocked.includes(u.userPrincipalName)).map((u) => u.id);
      expect(listed.sort()).toEqual([interrupted.id, interruptedTwice.id].sort());
      expect(blocked).toContain(expectedText(admin.preferredLanguage, "pending.blocked"));
      const status = textOf(await ask("/mfa status"));
      expect(status).toContain(expectedText(admin.preferredLanguage, "status.signIns.title.other", { count: "2" }));
      expect(status).toContain(
        `• ${expectedText(admin.preferredLanguage, "status.signIns.app.one", { app: "Contoso Expenses", count: "1" })}`,
      );
      expect(status).toContain(
        `• ${expectedText(admin.preferredLanguage, "status.signIns.app.one", { app: "Office 365 Exchange Online", count: "1" })}`,
      );
    } finally {
      await bot.close();
    }
  });

  it("sends no second card the same day, however often they are stopped again", async () => {
    const before = world.connector.activities.length;
    const now = Date.now();
    world.tenant.recordSignIn(interrupted.id, now - 60_000, 50079, 1);
    world.tenant.recordSignIn(succeeded.id, now - 60_000, 50072, 1);
    const second = await runCliCaptured(["run-once"], world.env);
    expect(second.code).toBe(0);
    // The same day's second sync reads only the directory's changes (none) and the report's not-registered rows.
    expect(second.stdout).toBe(
      "Synced 0 directory changes. Planned 0 reminders and 0 escalations (0 new). Sent 0, unreachable 0, failed 0.\n",
    );
    expect(world.connector.activities.length).toBe(before);
    // The second read starts where the first ended (less the log's ingestion overlap), not 7 days back.
    const reads = world.graph.requests.filter((r) => r.path === "/v1.0/auditLogs/signIns");
    const since = Date.parse(/createdDateTime ge (\S+)/.exec(reads[1]?.query.$filter ?? "")?.[1] ?? "");
    expect((reads[0]?.at ?? 0) - since).toBeLessThanOrEqual(2 * hourMs + 60_000);
    const status = JSON.parse((await runCliCaptured(["status", "--json"], world.env)).stdout) as { signInInterrupts: { people: number } };
    expect(status.signInInterrupts.people).toBe(3);
  });
});

describe("a tenant whose sign-in log cannot be read", () => {
  let world: CampaignWorld;
  afterAll(async () => {
    await world?.close();
  });

  it("says why in one line and reminds everyone due as before", async () => {
    world = await startCampaignWorld({ size: 60, seed: 5 });
    world.graph.setup.signInLogLicence = false;
    const someone = expectedRecipients(world.tenant, () => false)[0]!;
    world.tenant.recordSignIn(someone.id, Date.now() - hourMs, 50079, 0);
    const run = await runCliCaptured(["run-once"], world.env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[1]).toBe(
      "Sign-in log not read: the tenant has no Microsoft Entra ID P1 or P2. Reading the sign-in log needs Entra ID P1 or P2 " +
        "(in Microsoft 365 E3/E5 and Business Premium); reminders carry on, but nobody stopped at sign-in gets the help card.",
    );
    const signIns = world.graph.requests.filter((r) => r.path === "/v1.0/auditLogs/signIns");
    expect(signIns.map((r) => r.status)).toEqual([403]);
    const expected = expectedRecipients(world.tenant, (u) => u.teamsAppBlocked && !u.teamsAppInstalled).map((u) => u.id);
    expect(world.connector.activities.map((a) => a.userId).sort()).toEqual([...expected].sort());
    expect(world.connector.activities.filter(isHelpCard)).toHaveLength(0);
  });
});
