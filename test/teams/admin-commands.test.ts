import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  botInstalled,
  channelMention,
  fileConsentAccepted,
  personalMessage,
  postToBot,
  type TeamsEnvironment,
} from "../../src/sandbox/connector/teams-activities.js";
import { messageText } from "../../src/cards/message-text.js";
import { pickLanguage } from "../../src/cards/pick-language.js";
import { csvSeparatorFor } from "../../src/reports/to-csv.js";
import { personalConversationId } from "../../src/sandbox/connector/simulated-connector.js";
import type { SimulatedUser } from "../../src/sandbox/tenant/index.js";
import { nodes } from "../cards/card-nodes.js";
import { expectedRecipients, startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { expectedText } from "../support/expected-text.js";
import { runCliCaptured } from "../support/run-cli-captured.js";
import { startBot, type RunningBot } from "../support/start-bot.js";
import { CardText } from "../../src/cards/card-text.js";
import type { Language } from "../../src/cards/card-data.js";
import { doctorCheckTitle } from "../../src/cards/doctor-check-title.js";
import { unescapeMarkdown } from "../cards/card-nodes.js";

/** Every TextBlock's text in a card. */
const textsIn = (node: unknown): string[] =>
  Array.isArray(node)
    ? node.flatMap(textsIn)
    : node !== null && typeof node === "object"
      ? [
          ...((node as { type?: unknown }).type === "TextBlock" ? [String((node as { text?: unknown }).text)] : []),
          ...Object.values(node).flatMap(textsIn),
        ]
      : [];

/** A string as a RegExp matching it literally. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const channel = "19:it-admins@thread.tacv2;messageid=1700000000000";
// The campaign's adminReport channel, where lists of people may be answered in place.
const reportChannel = "19:mfa-report@thread.tacv2";

describe("admin commands over HTTP, as Teams sends them", () => {
  let world: CampaignWorld;
  let bot: RunningBot;
  let env: TeamsEnvironment;
  let admin: SimulatedUser;
  let groupAdmin: SimulatedUser;
  let someone: SimulatedUser;

  beforeAll(async () => {
    world = await startCampaignWorld({
      size: 300,
      seed: 13,
      channels: [channel, reportChannel, `${reportChannel};messageid=1700000000001`],
      // The pilot's first step is weeks away, so its members can still be reminded by hand.
      campaign: {
        phases: [
          { name: "Pilot", members: { departments: ["IT"] }, deadline: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10) },
          { name: "Everyone", members: { all: true }, deadlineDaysAfterFirstReminder: 14 },
        ],
        adminReport: { conversationId: reportChannel },
      },
    });
    const installed = world.tenant.users.filter(
      (u) => u.kind === "person" && u.teamsAppInstalled && u.accountEnabled && u.userType === "Member",
    );
    admin = installed.find((u) => !world.tenant.groupMembers.get(world.tenant.groups.botAdmins)?.includes(u.id))!;
    groupAdmin = installed.find((u) => world.tenant.groupMembers.get(world.tenant.groups.botAdmins)?.includes(u.id)) ?? installed[1]!;
    someone = installed.find(
      (u) => u.id !== admin.id && u.id !== groupAdmin.id && !world.tenant.groupMembers.get(world.tenant.groups.botAdmins)?.includes(u.id),
    )!;
    Object.assign(world.env, { ADMIN_USER_IDS: admin.id, ADMIN_GROUP_ID: world.tenant.groups.botAdmins });
    expect((await runCliCaptured(["run-once"], world.env)).code).toBe(0);
    bot = await startBot(world.env);
    env = { serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" };
  });
  afterAll(async () => {
    await bot?.close();
    await world?.close();
  });

  /** The person as their Teams client presents them: its language is theirs. */
  const teamsUser = (user: SimulatedUser) => ({
    aadObjectId: user.id,
    name: user.displayName,
    ...(user.preferredLanguage ? { locale: user.preferredLanguage } : {}),
  });

  /** Sends a message as `user` and returns what the bot answered in that conversation. */
  async function say(user: SimulatedUser, text: string, where: "personal" | "channel" = "personal") {
    const before = world.connector.activities.length;
    const activity =
      where === "personal" ? personalMessage(env, teamsUser(user), text) : channelMention(env, teamsUser(user), text, channel);
    const response = await postToBot(bot.server.url, activity);
    expect(response.status).toBe(200);
    const replies = world.connector.activities
      .slice(before)
      .filter((a) => a.conversationId === (where === "personal" ? personalConversationId(user.id) : channel));
    const reply = replies[0]?.activity as
      { text?: string; attachments?: { contentType: string; content: unknown; name?: string }[] } | undefined;
    return { reply, json: JSON.stringify(reply ?? null), count: replies.length };
  }
  const upnsIn = (json: string) => world.tenant.users.filter((u) => json.includes(u.userPrincipalName));
  /** Every TextBlock's text in a reply, as a reader sees it. */
  const blockTextsIn = (json: string) =>
    nodes(JSON.parse(json))
      .filter((n) => n.type === "TextBlock")
      .map((n) => n.text);
  const pendingPeople = () => expectedRecipients(world.tenant, () => false);

  it("answers /mfa status with the status card: donut chart with a text fallback", async () => {
    const { reply, json } = await say(admin, "/mfa status");
    expect(reply?.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(json).toContain('"type":"Chart.Donut"');
    expect(json).toContain('"fallback"');
  });

  it("understands 'mfa status' without the slash, in any case and spacing", async () => {
    const { json } = await say(admin, "  MFA    Status ");
    expect(json).toContain('"type":"Chart.Donut"');
  });

  it("answers in a channel when @mentioned, stripping the mention", async () => {
    const { reply, json, count } = await say(groupAdmin, "mfa status", "channel");
    expect(count).toBe(1);
    expect(reply?.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(json).toContain('"type":"Chart.Donut"');
  });

  /** What the bot sent to `user`'s 1:1 chat and to `conversation` since activity number `before`. */
  function sentSince(before: number, user: SimulatedUser, conversation: string) {
    const after = world.connector.activities.slice(before);
    return {
      personal: after.filter((a) => a.conversationId === personalConversationId(user.id)).map((a) => JSON.stringify(a.activity)),
      there: after.filter((a) => a.conversationId === conversation).map((a) => a.activity as { text?: string }),
    };
  }
  const languageOf = (user: SimulatedUser) => pickLanguage(user.preferredLanguage);

  it("answers /mfa pending, /mfa user and /mfa export asked in a channel in the asker's 1:1 chat, and says so there", async () => {
    const person = pendingPeople()[0]!;
    for (const [command, expected] of [
      ["mfa pending", "AdaptiveCard"],
      [`mfa user ${person.userPrincipalName}`, person.userPrincipalName],
      ["mfa export", "application/vnd.microsoft.teams.card.file.consent"],
    ] as const) {
      const before = world.connector.activities.length;
      const response = await postToBot(
        bot.server.url,
        channelMention(env, { aadObjectId: groupAdmin.id, name: groupAdmin.displayName }, command, channel),
      );
      expect(response.status).toBe(200);
      const { personal, there } = sentSince(before, groupAdmin, channel);
      expect(
        there.map((a) => a.text),
        command,
      ).toEqual([messageText(languageOf(groupAdmin), "answeredPrivately")]);
      expect(personal, command).toHaveLength(1);
      expect(personal[0], command).toContain(expected);
      // Nobody in the channel sees who is behind.
      expect(upnsIn(JSON.stringify(there)), command).toEqual([]);
    }
    const state = await bot.runtime.store.db
      .selectFrom("people_state")
      .select("conversation_id")
      .where("user_id", "=", groupAdmin.id)
      .executeTakeFirst();
    expect(state?.conversation_id).toBe(personalConversationId(groupAdmin.id));
  });

  it("answers /mfa pending and /mfa user in the admins' report channel itself, but sends the export privately", async () => {
    const threadInReport = `${reportChannel};messageid=1700000000001`;
    const ask = (command: string) =>
      postToBot(bot.server.url, channelMention(env, { aadObjectId: groupAdmin.id, name: groupAdmin.displayName }, command, threadInReport));
    let before = world.connector.activities.length;
    await ask("mfa pending");
    let sent = sentSince(before, groupAdmin, threadInReport);
    expect(sent.personal).toEqual([]);
    expect(upnsIn(JSON.stringify(sent.there))).toHaveLength(10);
    before = world.connector.activities.length;
    await ask("mfa export");
    sent = sentSince(before, groupAdmin, threadInReport);
    expect(sent.there.map((a) => a.text)).toEqual([messageText(languageOf(groupAdmin), "answeredPrivately")]);
    expect(sent.personal[0]).toContain("application/vnd.microsoft.teams.card.file.consent");
  });

  it("keeps other answers where they were asked, in a channel too", async () => {
    const before = world.connector.activities.length;
    await postToBot(
      bot.server.url,
      channelMention(env, { aadObjectId: groupAdmin.id, name: groupAdmin.displayName }, "mfa preview", channel),
    );
    const { personal, there } = sentSince(before, groupAdmin, channel);
    expect(personal).toEqual([]);
    expect(JSON.stringify(there)).toContain("AdaptiveCard");
  });

  it("lists who has not registered, ten at a time, with the total", async () => {
    const { json } = await say(admin, "/mfa pending");
    const listed = upnsIn(json);
    expect(listed).toHaveLength(10);
    const pending = new Set(pendingPeople().map((u) => u.id));
    expect(listed.every((u) => pending.has(u.id))).toBe(true);
    const total = pendingPeople().length;
    const pages = `${Math.ceil(total / 10)}`;
    expect(blockTextsIn(json)).toContain(
      expectedText(admin.preferredLanguage, "pending.page.other", { page: "1", pageCount: pages, count: `${total}` }),
    );
    const page2 = upnsIn((await say(admin, "/mfa pending 2")).json);
    expect(page2.filter((u) => listed.some((l) => l.id === u.id))).toEqual([]);
  });

  it("filters pending by department and by manager", async () => {
    const sales = upnsIn((await say(admin, "/mfa pending Sales")).json);
    expect(sales.length).toBeGreaterThan(0);
    expect(sales.every((u) => u.department === "Sales")).toBe(true);
    const manager = world.tenant.users.find((m) => pendingPeople().filter((p) => p.managerId === m.id).length >= 2)!;
    const reports = upnsIn((await say(admin, `/mfa pending ${manager.userPrincipalName}`)).json).filter((u) => u.id !== manager.id);
    const expected = pendingPeople()
      .filter((p) => p.managerId === manager.id)
      .slice(0, 10);
    expect(reports.map((u) => u.id).sort()).toEqual(expected.map((u) => u.id).sort());
  });

  it("shows one person's state and every reminder, by UPN or by name", async () => {
    const person = pendingPeople().find((p) => world.connector.activities.some((a) => a.userId === p.id))!;
    const byUpn = await say(admin, `/mfa user ${person.userPrincipalName.toUpperCase()}`);
    expect(byUpn.json).toContain(person.userPrincipalName);
    // The history lists each reminder as a fact; this person's first one (the Everyone phase's d-14) was sent.
    const history = nodes(JSON.parse(byUpn.json)).map((n) => n.value);
    expect(history).toContain("Reminder d-14: sent");
    const unique = world.tenant.users.filter((u) => u.displayName === person.displayName).length === 1;
    if (unique) expect((await say(admin, `/mfa user ${person.displayName}`)).json).toContain(person.userPrincipalName);
  });

  it("previews the next run without sending anything to anyone", async () => {
    const before = world.connector.activities.length;
    const { json } = await say(admin, "/mfa preview");
    expect(json).toContain("AdaptiveCard");
    expect(world.connector.activities.length).toBe(before + 1);
  });

  it("reminds one person now, once, and refuses a second time today", async () => {
    const pilot = world.tenant.users.find(
      (u) => u.department === "IT" && pendingPeople().some((p) => p.id === u.id) && u.teamsAppInstalled,
    )!;
    expect(world.connector.activities.filter((a) => a.userId === pilot.id)).toHaveLength(0);
    const first = await say(admin, `/mfa remind ${pilot.userPrincipalName}`);
    const name = pilot.displayName ?? pilot.userPrincipalName;
    // The test campaign's reminder hours cover every minute but 23:59, so the reminder goes now.
    expect(first.reply?.text).toBe(expectedText(admin.preferredLanguage, "messages.reminderQueued", { name }));
    await waitFor(() => world.connector.activities.some((a) => a.userId === pilot.id));
    const second = await say(admin, `/mfa remind ${pilot.userPrincipalName}`);
    expect(second.reply?.text).toBe(
      expectedText(admin.preferredLanguage, "messages.reminderRefused", { name, reason: "already reminded today" }),
    );
    expect(world.connector.activities.filter((a) => a.userId === pilot.id)).toHaveLength(1);
  });

  it("pauses and resumes, recording who and when", async () => {
    const paused = await say(admin, "/mfa pause");
    expect(paused.reply?.text).toBe(expectedText(admin.preferredLanguage, "messages.paused"));
    const preview = await say(admin, "/mfa preview");
    // Everyone not registered is held by the pause (the card is in the admin's own language).
    expect(preview.json).toContain(`"value":"${pendingPeople().length}"`);
    const resumed = await say(admin, "/mfa resume");
    expect(resumed.reply?.text).toBe(expectedText(admin.preferredLanguage, "messages.resumed"));
    const audit = await bot.runtime.store.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("action", "in", ["campaign.paused", "campaign.resumed"])
      .execute();
    expect(audit).toEqual([
      { action: "campaign.paused", actor_id: admin.id },
      { action: "campaign.resumed", actor_id: admin.id },
    ]);
  });

  it("exports a CSV through a file consent card, uploaded once accepted", async () => {
    const { reply } = await say(admin, "/mfa export");
    const consent = reply?.attachments?.[0] as {
      contentType: string;
      name: string;
      content: { acceptContext: unknown; sizeInBytes: number };
    };
    expect(consent.contentType).toBe("application/vnd.microsoft.teams.card.file.consent");
    const before = world.connector.activities.length;
    const accepted = await postToBot(
      bot.server.url,
      fileConsentAccepted(env, teamsUser(admin), consent.name, consent.content.acceptContext),
    );
    expect(accepted.status).toBe(200);
    const uploaded = world.connector.uploads.get(consent.name) ?? Buffer.alloc(0);
    // A byte order mark for Excel, and the separator it expects in the admin's language.
    expect(uploaded.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = uploaded.subarray(3).toString("utf8").trim().split("\r\n");
    const header = ["UPN", "Name", "Department", "Manager", "Phase", "Deadline", "Registered", "Methods", "Reminders", "Last action"];
    expect(lines[0]).toBe(header.join(csvSeparatorFor(languageOf(admin))));
    const inScope = world.tenant.users.filter((u) => u.accountEnabled && u.userType === "Member" && u.kind === "person");
    expect(lines).toHaveLength(inScope.length + 1);
    const info = world.connector.activities.slice(before)[0]?.activity as { attachments: { contentType: string }[] };
    expect(info.attachments[0]?.contentType).toBe("application/vnd.microsoft.teams.card.file.info");
  });

  it("answers a command whose argument is half a million characters long: too long, said plainly", { timeout: 30_000 }, async () => {
    // "That is too long to look up: I read at most 256 characters after the command.", in the admin's language.
    const tooLong = messageText(pickLanguage(admin.preferredLanguage), "argumentTooLong", { max: 256 });
    expect((await say(admin, `/mfa user ${"a".repeat(500_000)}`)).reply?.text).toBe(tooLong);
    expect((await say(admin, `/mfa pending ${"<".repeat(500_000)}`)).reply?.text).toBe(tooLong);
    expect((await say(admin, `/mfa remind ${"x@".repeat(250_000)}`)).reply?.text).toBe(tooLong);
    // And it still answers what comes next.
    expect((await say(admin, "/mfa status")).json).toContain('"type":"Chart.Donut"');
  });

  it("answers help, and anything it does not recognise with the help", async () => {
    const help = await say(admin, "/mfa help");
    expect(help.json).toContain("mfa status");
    const unknown = await say(admin, "/mfa frobnicate");
    expect(unknown.json).toContain("mfa status");
    expect(unknown.json).toContain("frobnicate");
    const chat = await say(admin, "hello there");
    expect(chat.json).toContain("mfa status");
  });

  it("answers /mfa doctor with the checklist, which /mfa status then sums up in its enforcement line", async () => {
    type Card = { lang: Language; fallbackText: string; body: unknown[] };
    const cardOf = (reply: Awaited<ReturnType<typeof say>>["reply"]) => reply?.attachments?.[0]?.content as Card;
    const before = cardOf((await say(admin, "/mfa status")).reply);
    const text = CardText.load(before.lang);
    expect(JSON.stringify(before)).toContain(JSON.stringify(text.text("status.enforcement.notChecked")));

    const doctor = cardOf((await say(admin, "/mfa doctor")).reply);
    expect(doctor.fallbackText.startsWith(`${text.text("doctor.title")}: `)).toBe(true);
    const titles = JSON.stringify(doctor);
    for (const check of [
      "access.graphToken",
      "access.permission.Policy.Read.All",
      "teams.catalogApp",
      "teams.catalogId",
      "enforcement.breakGlass",
      "enforcement.coverage",
    ]) {
      expect(titles).toContain(JSON.stringify(`✓ ${doctorCheckTitle(check, text)}`));
    }

    const after = cardOf((await say(admin, "/mfa status")).reply);
    const pattern = text.text("status.enforcement.conditionalAccess", { policies: "§", date: "§" }).split("§").map(escape);
    const lines = textsIn(after)
      .map(unescapeMarkdown)
      .filter((t) => t.includes('"Require MFA for all users"'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${pattern[0]}"Require MFA for all users"${pattern[1]}.+${pattern[2]}$`));

    const refused = await say(someone, "/mfa doctor");
    expect(refused.json).not.toContain(text.text("doctor.title"));
  });

  it("politely refuses someone who is not an admin, and audits the attempt", async () => {
    const { reply, json } = await say(someone, "/mfa status");
    expect(reply?.text).toBe(expectedText(someone.preferredLanguage, "messages.notAdmin"));
    expect(json).not.toContain("Chart.Donut");
    const audit = await bot.runtime.store.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("action", "=", "command.refused")
      .execute();
    expect(audit).toContainEqual({ action: "command.refused", actor_id: someone.id });
  });

  it("ignores activities from another tenant", async () => {
    const before = world.connector.activities.length;
    const response = await postToBot(
      bot.server.url,
      personalMessage({ ...env, tenantId: "99999999-9999-9999-9999-999999999999" }, { aadObjectId: admin.id, name: "x" }, "/mfa status"),
    );
    expect(response.status).toBe(200);
    expect(world.connector.activities.length).toBe(before);
  });

  it("welcomes someone it was installed for; an admin also gets the commands", async () => {
    const before = world.connector.activities.length;
    await postToBot(bot.server.url, botInstalled(env, { aadObjectId: someone.id, name: someone.displayName }));
    await postToBot(bot.server.url, botInstalled(env, { aadObjectId: admin.id, name: admin.displayName }));
    const [toPerson, toAdmin] = world.connector.activities.slice(before).map((a) => JSON.stringify(a.activity));
    expect(toPerson).toContain("AdaptiveCard");
    expect(toPerson).not.toContain("mfa status");
    expect(toAdmin).toContain("mfa status");
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
