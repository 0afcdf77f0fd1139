import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config/read-config.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { expectedRecipients, startCampaignWorld, type CampaignWorld } from "../support/campaign-world.js";
import { runCliCaptured } from "../support/run-cli-captured.js";

interface CardAction {
  type: string;
  verb?: string;
  url?: string;
  data?: { outboxId?: string; userId?: string };
}

function actionsOf(activity: Record<string, unknown>): CardAction[] {
  const attachments = activity.attachments as { contentType: string; content: { actions?: CardAction[]; body?: unknown[] } }[];
  const found: CardAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (typeof o.type === "string" && o.type.startsWith("Action.")) found.push(o as unknown as CardAction);
      Object.values(o).forEach(walk);
    }
  };
  walk(attachments.map((a) => a.content));
  return found;
}

describe("run-once against the simulated tenant and Teams connector", () => {
  let world: CampaignWorld;
  let store: Store;
  let first: Awaited<ReturnType<typeof runCliCaptured>>;
  let blockedByPolicy: string[];
  let blockedBot: string;
  let hadTheApp: Set<string>;

  beforeAll(async () => {
    world = await startCampaignWorld({ size: 600, seed: 11 });
    const due = expectedRecipients(world.tenant, () => false);
    hadTheApp = new Set(due.filter((u) => u.teamsAppInstalled).map((u) => u.id));
    // One person blocked the bot in Teams; others have the app blocked by a permission policy.
    blockedBot = (due.find((u) => u.teamsAppInstalled) ?? due[0])!.id;
    world.blockedBot.add(blockedBot);
    blockedByPolicy = due.filter((u) => u.teamsAppBlocked && !u.teamsAppInstalled).map((u) => u.id);
    // Teams throttles the first sends; everything must still arrive once.
    world.connector.injectFault({
      method: "POST",
      path: /\/activities$/,
      skip: 5,
      times: 3,
      status: 429,
      code: "ThrottledRequest",
      retryAfterSeconds: 1,
    });
    first = await runCliCaptured(["run-once"], world.env);
    store = await openStore(readConfig(world.env).database);
  });
  afterAll(async () => {
    await store?.close();
    await world?.close();
  });

  it("reports what it did and exits 0", () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    // Everyone due is planned and queued; all but the refused receive the card, the bot installed
    // first for those who did not have it.
    const due = expectedRecipients(world.tenant, () => false);
    const refused = new Set([blockedBot, ...blockedByPolicy]);
    const installed = due.filter((u) => !refused.has(u.id) && !hadTheApp.has(u.id)).length;
    expect(first.stdout).toBe(
      `Synced 600 users. Planned ${due.length} reminders and 0 escalations (${due.length} new). ` +
        `Sent ${due.length - refused.size} (installed the bot for ${installed}), unreachable ${refused.size}, failed 0.\n`,
    );
  });

  it("sends exactly one card to exactly the people due, and nothing to anyone else", () => {
    const refused = new Set([blockedBot, ...blockedByPolicy]);
    const expected = expectedRecipients(world.tenant, (u) => refused.has(u.id))
      .map((u) => u.id)
      .sort();
    const received = world.connector.activities.map((a) => a.userId).sort();
    expect(expected.length).toBeGreaterThan(50);
    expect(received).toEqual(expected);
  });

  it("sends nothing to guests, disabled, service or break-glass accounts", () => {
    const byId = new Map(world.tenant.users.map((u) => [u.id, u]));
    const kinds = new Set(world.connector.activities.map((a) => byId.get(a.userId)?.kind));
    expect([...kinds]).toEqual(["person"]);
    for (const a of world.connector.activities) {
      const u = byId.get(a.userId)!;
      expect(u.accountEnabled && u.userType === "Member").toBe(true);
    }
  });

  it("sends a card whose buttons are bound to its recipient and link only to Microsoft's page", () => {
    for (const a of world.connector.activities) {
      const actions = actionsOf(a.activity);
      expect(actions.filter((x) => x.type === "Action.OpenUrl").map((x) => x.url)).toEqual(["https://aka.ms/mysecurityinfo"]);
      const executes = actions.filter((x) => x.type === "Action.Execute");
      expect(executes.map((x) => x.verb).sort()).toEqual(["done", "help", "noSmartphone", "snooze"]);
      expect(new Set(executes.map((x) => x.data?.userId))).toEqual(new Set([a.userId]));
    }
  });

  it("honoured Teams' 429s and still delivered each card once", () => {
    const throttled = world.connector.requests.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(3);
    const ids = world.connector.activities.map((a) => a.userId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("installed the bot through Graph for people who did not have it", async () => {
    const installs = world.graph.requests.filter((r) => r.method === "POST" && /teamwork\/installedApps$/.test(r.path));
    expect(installs.length).toBeGreaterThan(0);
    expect(installs.filter((r) => r.status === 201).length).toBe(
      (await store.db.selectFrom("audit_log").select("id").where("action", "=", "app.installed").execute()).length,
    );
  });

  it("marks people Teams refused as unreachable instead of retrying them, a policy apart from a blocked bot", async () => {
    const unreachable = await store.db
      .selectFrom("people_state")
      .select(["user_id", "unreachable_reason", "unreachable_code"])
      .where("unreachable_until", "is not", null)
      .execute();
    expect(unreachable.map((u) => u.user_id).sort()).toEqual([blockedBot, ...blockedByPolicy].sort());
    const codes = Object.fromEntries(unreachable.map((u) => [u.user_id, u.unreachable_code]));
    expect(codes[blockedBot]).toBe("ConversationBlockedByUser");
    expect(new Set(blockedByPolicy.map((id) => codes[id]))).toEqual(new Set(blockedByPolicy.length > 0 ? ["Forbidden"] : []));
    const rows = await store.db.selectFrom("outbox").select(["recipient_id", "status"]).where("status", "=", "unreachable").execute();
    expect(rows.map((r) => r.recipient_id).sort()).toEqual([blockedBot, ...blockedByPolicy].sort());
  });

  it("sends nothing new on a second run", async () => {
    const before = world.connector.activities.length;
    const second = await runCliCaptured(["run-once"], world.env);
    expect(second.code).toBe(0);
    // Everyone was reminded today or is held as unreachable: nothing is due. The directory has not
    // changed since the first run's deltaLink.
    expect(second.stdout).toBe(
      "Synced 0 directory changes. Planned 0 reminders and 0 escalations (0 new). Sent 0, unreachable 0, failed 0.\n",
    );
    expect(world.connector.activities.length).toBe(before);
  });
});
