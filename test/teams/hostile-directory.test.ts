import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  botInstalled,
  cardAction,
  fileConsentAccepted,
  personalMessage,
  postToBot,
  type TeamsEnvironment,
} from "../../src/sandbox/connector/teams-activities.js";
import { personalConversationId } from "../../src/sandbox/connector/simulated-connector.js";
import type { SimulatedUser } from "../../src/sandbox/tenant/index.js";
import { linksIn } from "../cards/card-links.js";
import { HOSTILE_TEXTS } from "../cards/hostile-samples.js";
import { expectedRecipients, startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { parseCsv } from "../support/parse-csv.js";
import { runCliCaptured } from "../support/run-cli-captured.js";
import { startBot, type RunningBot } from "../support/start-bot.js";

const REGISTRATION_URL = "https://aka.ms/mysecurityinfo";
const HELPDESK_URL = "https://help.contoso.com/mfa";
const helpdeskChannel = "19:helpdesk@thread.tacv2";
const HIDDEN = /(?!\u200c|\u200d)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

// What each hostile person's directory fields say: every field a card shows, made of attacks.
const ATTACKS = [
  HOSTILE_TEXTS.markdownLink,
  HOSTILE_TEXTS.bareUrl,
  HOSTILE_TEXTS.angleAutolink,
  HOSTILE_TEXTS.htmlLink,
  HOSTILE_TEXTS.image,
  HOSTILE_TEXTS.bidiOverride,
  HOSTILE_TEXTS.zeroWidth,
  HOSTILE_TEXTS.controls,
  HOSTILE_TEXTS.longName,
  HOSTILE_TEXTS.www,
].map((text) => text ?? "");

/** Every Adaptive Card and every text a message carries, as cards linksIn can read. */
function cardsIn(activity: unknown): unknown[] {
  const message = activity as { text?: string; attachments?: { contentType: string; content: unknown }[] };
  return [
    ...(message.text ? [{ type: "AdaptiveCard", body: [{ type: "TextBlock", text: message.text }] }] : []),
    ...(message.attachments ?? []).filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive").map((a) => a.content),
  ];
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(strings);
}

describe("a hostile directory, end to end: what reaches Teams links only where the bot means it to", () => {
  let world: CampaignWorld;
  let bot: RunningBot;
  let env: TeamsEnvironment;
  let admin: SimulatedUser;
  let hostile: SimulatedUser[];
  const answers: unknown[] = [];

  beforeAll(async () => {
    world = await startCampaignWorld({
      size: 150,
      seed: 21,
      channels: [helpdeskChannel],
      campaign: {
        helpdesk: { name: "IT Service Desk", url: HELPDESK_URL, email: "servicedesk@contoso.com", conversationId: helpdeskChannel },
      },
    });
    const pending = expectedRecipients(world.tenant, () => false).filter((u) => u.teamsAppInstalled);
    admin = pending[0]!;
    // An admin in Germany, where Excel splits a CSV file on ";".
    admin.preferredLanguage = "de-DE";
    hostile = pending.slice(1, 1 + ATTACKS.length);
    hostile.forEach((person, i) => {
      const text = ATTACKS[i] ?? "";
      Object.assign(person, { displayName: text, givenName: text, surname: text, department: text, jobTitle: text });
    });
    // Two departments that a spreadsheet would run as formulas, one hidden behind a separator.
    Object.assign(hostile[0]!, { department: '=HYPERLINK("https://evil.example/login","Verify now")' });
    Object.assign(hostile[1]!, { department: "Sales;=1+1" });
    Object.assign(world.env, { ADMIN_USER_IDS: admin.id });
    expect((await runCliCaptured(["run-once"], world.env)).code).toBe(0);
    bot = await startBot(world.env);
    env = { serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" };

    const say = async (text: string) => postToBot(bot.server.url, personalMessage(env, { aadObjectId: admin.id, name: "Admin" }, text));
    await say("/mfa pending");
    await say("/mfa pending 2");
    for (const person of hostile) {
      await say(`/mfa user ${person.userPrincipalName}`);
      await say(`/mfa remind ${person.userPrincipalName}`);
    }
    await say(`/mfa user ${HOSTILE_TEXTS.markdownLink ?? ""}`);
    await say(`/mfa pending ${HOSTILE_TEXTS.markdownLink ?? ""}`);
    await say("/mfa status");
    // Someone the directory does not know yet installs the bot, with a hostile name in Teams.
    await postToBot(bot.server.url, botInstalled(env, { aadObjectId: "0f0f0f0f-1111-2222-3333-444444444444", name: ATTACKS[0] ?? "" }));
    // Hostile people press their buttons: the answers come back in the HTTP response, the helpdesk is told.
    const rows = await bot.runtime.store.db
      .selectFrom("outbox")
      .selectAll()
      .where(
        "recipient_id",
        "in",
        hostile.map((u) => u.id),
      )
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const verb of ["done", "help", "noSmartphone", "snooze"]) {
        const answer = await postToBot(
          bot.server.url,
          cardAction(env, { aadObjectId: row.recipient_id, name: "x" }, verb, { outboxId: row.id, userId: row.recipient_id }),
        );
        answers.push((answer.body as { value?: unknown }).value);
      }
    }
  }, 120_000);
  afterAll(async () => {
    await bot?.close();
    await world?.close();
  });

  it("sent reminders, answers, the helpdesk notice and the welcome to Teams", () => {
    const conversations = new Set(world.connector.activities.map((a) => a.conversationId));
    for (const person of hostile) expect(conversations.has(personalConversationId(person.id)), person.id).toBe(true);
    expect(conversations.has(helpdeskChannel)).toBe(true);
    expect(conversations.has(personalConversationId(admin.id))).toBe(true);
    expect(answers.filter((answer) => typeof answer === "object")).not.toHaveLength(0);
  });

  it("links only to the registration page and the helpdesk's address, in every message and answer", () => {
    const everything = [...world.connector.activities.map((a) => a.activity), ...answers.map((card) => ({ attachments: [card] }))];
    const cards = [
      ...world.connector.activities.flatMap((a) => cardsIn(a.activity)),
      ...answers.filter((answer) => typeof answer === "object"),
    ];
    expect(cards.length).toBeGreaterThan(hostile.length * 3);
    const own = [REGISTRATION_URL, HELPDESK_URL];
    const stray = cards.flatMap((card) => linksIn(card, own).filter((url) => !own.includes(url)));
    expect(stray).toEqual([]);
    expect(everything.length).toBeGreaterThan(0);
  });

  it("lets no bidi, control or zero-width character reach Teams", () => {
    const texts = world.connector.activities.flatMap((a) => cardsIn(a.activity)).flatMap(strings);
    expect(texts.filter((text) => HIDDEN.test(text))).toEqual([]);
    expect(answers.flatMap(strings).filter((text) => HIDDEN.test(text))).toEqual([]);
  });

  it("exports formula-looking departments as text, however the separator splits them", async () => {
    // Their Teams is in German too.
    const germanAdmin = { aadObjectId: admin.id, name: "Admin", locale: "de-DE" };
    await postToBot(bot.server.url, personalMessage(env, germanAdmin, "/mfa export"));
    const consent = world.connector.activities
      .filter((a) => a.conversationId === personalConversationId(admin.id))
      .map((a) => a.activity as { attachments?: { contentType: string; name: string; content: { acceptContext: unknown } }[] })
      .flatMap((a) => a.attachments ?? [])
      .find((a) => a.contentType === "application/vnd.microsoft.teams.card.file.consent");
    expect(consent).toBeDefined();
    await postToBot(bot.server.url, fileConsentAccepted(env, germanAdmin, consent?.name ?? "", consent?.content.acceptContext));
    const csv = (world.connector.uploads.get(consent?.name ?? "") ?? Buffer.alloc(0)).toString("utf8");
    const rows = parseCsv(csv, ";");
    const departments = new Map(rows.map((row) => [row[0], row[2]]));
    expect(departments.get(hostile[0]?.userPrincipalName)).toBe(`'=HYPERLINK("https://evil.example/login","Verify now")`);
    expect(departments.get(hostile[1]?.userPrincipalName)).toBe("Sales;=1+1");
    expect(rows.every((row) => row.length === rows[0]?.length)).toBe(true);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r\n]/.test(cell))).toEqual([]);
  });
});
