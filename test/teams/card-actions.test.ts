import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  botInstalled,
  cardAction,
  personalMessage,
  postToBot,
  type TeamsEnvironment,
  type TeamsUser,
} from "../../src/sandbox/connector/teams-activities.js";
import type { OutboxRow } from "../../src/store/outbox.js";
import { nodes, unescapeMarkdown } from "../cards/card-nodes.js";
import { expectedText } from "../support/expected-text.js";
import { startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { runCliCaptured } from "../support/run-cli-captured.js";
import { startBot, type RunningBot } from "../support/start-bot.js";
import { systemClock } from "../../src/time/clock.js";

interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: { type?: string; body?: unknown[] } | string;
}

const textOf = (card: unknown): string => JSON.stringify(card);
/** The TextBlocks of an answer card, as a reader sees them. */
/** Every TextBlock's text as the reader sees it (Teams drops the Markdown escapes). */
const textsOf = (card: unknown): string[] =>
  nodes(card)
    .filter((n) => n.type === "TextBlock")
    .map((n) => unescapeMarkdown(String(n.text)));
/** A line of the string tables in the language of the row's card. */
const line = (row: OutboxRow, key: string, values: Record<string, string> = {}): string =>
  expectedText((JSON.parse(row.payload) as { preferredLanguage?: string | null }).preferredLanguage, key, values);

describe("card actions over HTTP, as Teams sends them", () => {
  // Real time, which a test can move forward: the bot keeps "I've done it" results for a while.
  let offsetMs = 0;
  const clock = { now: () => Date.now() + offsetMs, sleep: (ms: number) => systemClock.sleep(ms) };
  let world: CampaignWorld;
  let bot: RunningBot;
  let env: TeamsEnvironment;
  let rows: OutboxRow[];
  let helpdeskConversation: string;

  beforeAll(async () => {
    helpdeskConversation = "19:helpdesk@thread.tacv2";
    world = await startCampaignWorld({
      size: 200,
      seed: 5,
      campaign: { helpdesk: { name: "IT Service Desk", email: "servicedesk@contoso.com", conversationId: helpdeskConversation } },
      channels: [helpdeskConversation],
      // Graph's identity lane (reports, sign-ins, live checks: 5 per 10 s) on the bot's moved clock, as the two would agree in life.
      graph: { clock },
    });
    expect((await runCliCaptured(["run-once"], world.env)).code).toBe(0);
    bot = await startBot(world.env, { clock });
    env = { serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" };
    rows = await bot.runtime.store.db.selectFrom("outbox").selectAll().where("status", "=", "sent").orderBy("id").execute();
    expect(rows.length).toBeGreaterThan(10);
  });
  afterAll(async () => {
    await bot?.close();
    await world?.close();
  });

  // Their Teams speaks the language their card was written in, as a person's client would.
  const person = (row: OutboxRow, timeZone?: string): TeamsUser => {
    const language = (JSON.parse(row.payload) as { preferredLanguage?: string | null }).preferredLanguage;
    return { aadObjectId: row.recipient_id, name: "Someone", ...(language ? { locale: language } : {}), ...(timeZone ? { timeZone } : {}) };
  };
  const press = async (row: OutboxRow, verb: string, by: TeamsUser = person(row)) =>
    (await postToBot(bot.server.url, cardAction(env, by, verb, { outboxId: row.id, userId: row.recipient_id }))) as {
      status: number;
      body: InvokeAnswer;
    };

  it("refuses a card action from anyone but the recipient, audits it, and changes nothing", async () => {
    const [row, other] = rows as [OutboxRow, OutboxRow];
    const answer = await press(row, "snooze", person(other));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.activity.message" });
    // In the language of whoever pressed: their Teams speaks it.
    expect(answer.body.value).toBe(line(other, "messages.notYourCard"));
    const audit = await bot.runtime.store.db.selectFrom("audit_log").selectAll().where("action", "=", "card.refused").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: other.recipient_id, subject_id: row.recipient_id });
    const state = await bot.runtime.store.db
      .selectFrom("people_state")
      .selectAll()
      .where("user_id", "=", row.recipient_id)
      .executeTakeFirst();
    expect(state?.snooze_count ?? 0).toBe(0);
  });

  it("refuses a forged card whose userId names someone else", async () => {
    const [row] = rows as [OutboxRow];
    const answer = (await postToBot(
      bot.server.url,
      cardAction(env, person(row), "snooze", { outboxId: row.id, userId: "someone-else" }),
    )) as { body: InvokeAnswer };
    expect(answer.body.value).toBe(line(row, "messages.notYourCard"));
  });

  it("snoozes for the recipient, says until when, and refuses politely past the maximum", async () => {
    const row = rows[2] as OutboxRow;
    for (const left of [2, 1, 0]) {
      const answer = await press(row, "snooze", person(row, "Europe/Berlin"));
      expect(answer.body.type).toBe("application/vnd.microsoft.card.adaptive");
      expect(textsOf(answer.body.value)).toContain(
        left === 0
          ? line(row, "snoozed.lastSnooze")
          : line(row, `snoozed.snoozesLeft.${left === 1 ? "one" : "other"}`, { count: `${left}` }),
      );
    }
    const state = await bot.runtime.store.db
      .selectFrom("people_state")
      .selectAll()
      .where("user_id", "=", row.recipient_id)
      .executeTakeFirstOrThrow();
    expect(state.snooze_count).toBe(3);
    expect(state.time_zone).toBe("Europe/Berlin");
    const refused = await press(row, "snooze");
    expect(textsOf(refused.body.value)).toContain(line(row, "snoozeRefused.refused"));
    expect(textOf(refused.body.value)).not.toEqual(textOf((await press(rows[3] as OutboxRow, "snooze")).body.value));
    expect(
      (
        await bot.runtime.store.db
          .selectFrom("people_state")
          .select("snooze_count")
          .where("user_id", "=", row.recipient_id)
          .executeTakeFirstOrThrow()
      ).snooze_count,
    ).toBe(3);
  });

  it("checks 'I've done it' live: still missing before, thank you after registering", async () => {
    const row = rows[4] as OutboxRow;
    const before = await press(row, "done");
    expect(before.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(textOf(before.body.value)).toContain('"verb":"done"');
    expect(world.graph.requests.some((r) => r.path === `/v1.0/users/${row.recipient_id}/authentication/methods`)).toBe(true);

    world.tenant.registerUser(row.recipient_id, ["microsoftAuthenticatorPush"], Date.now());
    // "If you've only just finished, wait a minute and press again": a minute later the check is live again.
    offsetMs += 60_000;
    const after = await press(row, "done");
    // The thank-you card ends the conversation: no buttons left to press.
    expect(textOf(after.body.value)).not.toContain("Action.Execute");
    expect(textOf(after.body.value)).not.toEqual(textOf(before.body.value));
    // An invoke's answer changes the card on the device that pressed; the reminder itself is replaced for every device.
    await bot.idle();
    const updates = world.connector.activities.filter((a) => a.kind === "update");
    expect(updates.map((a) => [a.conversationId, a.id])).toEqual([[row.conversation_id, row.activity_id]]);
    expect(textOf((updates[0]?.activity.attachments as { content: unknown }[])[0]?.content)).toEqual(textOf(after.body.value));
    const state = await bot.runtime.store.db
      .selectFrom("people_state")
      .select("confirmed_registered_at")
      .where("user_id", "=", row.recipient_id)
      .executeTakeFirstOrThrow();
    expect(state.confirmed_registered_at).not.toBeNull();
  });

  it("makes one live Graph check for a hundred presses of I've done it, and checks again half a minute later", async () => {
    const row = rows[7] as OutboxRow;
    const checks = () => world.graph.requests.filter((r) => r.path === `/v1.0/users/${row.recipient_id}/authentication/methods`).length;
    const before = checks();
    const answers = await Promise.all(Array.from({ length: 50 }, () => press(row, "done")));
    for (let i = 0; i < 50; i++) answers.push(await press(row, "done"));
    expect(answers.every((answer) => textOf(answer.body.value).includes('"verb":"done"'))).toBe(true);
    expect(checks() - before).toBe(1);

    world.tenant.registerUser(row.recipient_id, ["microsoftAuthenticatorPush"], Date.now());
    offsetMs += 31_000;
    const thanked = await press(row, "done");
    expect(textOf(thanked.body.value)).not.toContain("Action.Execute");
    expect(checks() - before).toBe(2);
    // Registered stays registered: the next minutes' presses are answered without asking Graph.
    offsetMs += 60_000;
    await press(row, "done");
    expect(checks() - before).toBe(2);
  });

  it("tells the helpdesk channel when someone asks for help, and the person what happens next", async () => {
    const row = rows[5] as OutboxRow;
    const before = world.connector.activities.length;
    const answer = await press(row, "help");
    expect(textsOf(answer.body.value)).toContain(line(row, "helpRequested.told", { helpdesk: "IT Service Desk" }));
    const posted = world.connector.activities.slice(before);
    // New messages only: an earlier press's card may still be being replaced for everyone.
    expect(posted.filter((a) => a.kind !== "update").map((a) => a.conversationId)).toEqual([helpdeskConversation]);
    const notice = posted.find((a) => a.conversationId === helpdeskConversation);
    expect(textOf(notice?.activity)).toContain(world.tenant.userById(row.recipient_id)?.userPrincipalName);
  });

  it("offers the alternatives to someone without a smartphone", async () => {
    const row = rows[6] as OutboxRow;
    const answer = await press(row, "noSmartphone");
    // The campaign asks for plain MFA: a phone, a hardware token or a security key.
    expect(textsOf(answer.body.value)).toContain(`• ${line(row, "noSmartphone.options.fido2")}`);
    expect(textsOf(answer.body.value)).toContain(`• ${line(row, "noSmartphone.options.oathToken")}`);
  });

  it("remembers the conversation and time zone Teams tells it about", async () => {
    const user = world.tenant.users.find((u) => u.kind === "person")!;
    await postToBot(bot.server.url, botInstalled(env, { aadObjectId: user.id, name: user.displayName }, "a:fresh-conversation"));
    const reply = await postToBot(
      bot.server.url,
      personalMessage(env, { aadObjectId: user.id, name: user.displayName, timeZone: "America/New_York" }, "hello", "a:fresh-conversation"),
    );
    expect(reply.status).toBe(200);
    const state = await bot.runtime.store.db
      .selectFrom("people_state")
      .selectAll()
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(state).toMatchObject({ conversation_id: "a:fresh-conversation", time_zone: "America/New_York" });
  });

  it("refuses activities from another tenant", async () => {
    const row = rows[7] as OutboxRow;
    const answer = await postToBot(
      bot.server.url,
      cardAction({ ...env, tenantId: "99999999-9999-9999-9999-999999999999" }, person(row), "snooze", {
        outboxId: row.id,
        userId: row.recipient_id,
      }),
    );
    expect(answer.status).toBe(403);
    const state = await bot.runtime.store.db
      .selectFrom("people_state")
      .selectAll()
      .where("user_id", "=", row.recipient_id)
      .executeTakeFirst();
    expect(state?.snooze_count ?? 0).toBe(0);
  });

  it("answers a malformed body with 400 and an oversized one with 413, and keeps serving", async () => {
    const bad = await fetch(`${bot.server.url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    const notActivity = await fetch(`${bot.server.url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "[1,2]",
    });
    expect(notActivity.status).toBe(400);
    const huge = await fetch(`${bot.server.url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ type: "message", text: "x".repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    expect((await fetch(`${bot.server.url}/healthz`)).status).toBe(200);
  });
});
