import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AdaptiveCard } from "../../src/cards/adaptive-card.js";
import { answerMessage, type ChatopsDeps } from "../../src/chatops/answer-message.js";
import { chatCommands, listedCommands } from "../../src/chatops/chat-commands.js";
import type { ChatReply } from "../../src/chatops/chat-reply.js";
import { commandNames } from "../../src/chatops/parse-command.js";
import { createLogger } from "../../src/log/create-logger.js";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";
import { isPaused } from "../../src/store/app-state.js";
import type { Store } from "../../src/store/open-store.js";
import { examplePolicy, pilotGroup } from "../campaign/campaign-fixture.js";
import { ofType, unescapeMarkdown, visibleText } from "../cards/card-nodes.js";
import { ManualClock } from "../support/manual-clock.js";
import { capturedLog } from "./command-scenario.js";
import { seedSnapshot } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";

// Tuesday 3 November 2026, 11:00 in London (GMT): inside the reminder hours.
const now = Date.parse("2026-11-03T11:00:00Z");
const admin = "a1";
const personal = { personal: true, conversationId: "a:1on1" };
const channel = { personal: false, conversationId: "19:general@thread.tacv2;messageid=1" };

const en = JSON.parse(readFileSync(join(findProjectRoot(import.meta.url), "cards", "strings", "en.json"), "utf8")) as {
  commands: Record<string, { usage: string }>;
};

/** The usage lines of a help card, as an admin reads them. */
const usagesOf = (card: AdaptiveCard) =>
  ofType(card, "TextBlock")
    .filter((block) => block.fontType === "monospace")
    .map((block) => unescapeMarkdown(String(block.text)));

describe("the command table", () => {
  it("holds the ten commands, in the order help lists them, every one for admins only", () => {
    expect(listedCommands()).toEqual(["status", "pending", "user", "preview", "remind", "pause", "resume", "export", "doctor", "help"]);
    expect(Object.values(chatCommands).map((c) => c.adminOnly)).toEqual(Array(10).fill(true));
  });

  it("is exactly what a message is read as", () => {
    expect([...commandNames].sort()).toEqual(listedCommands().sort());
  });
});

describeEachStore("answering a message to the bot", (target) => {
  let store: Store;
  let deps: ChatopsDeps;
  let sentSoon: number;
  let privately: [string, ChatReply][];

  beforeEach(async () => {
    store = await target.open();
    await seedSnapshot(store, new Date(now - 3_600_000), [
      { id: "u1", displayName: "Ada Lovelace", givenName: "Ada", department: "Engineering", groups: [pilotGroup] },
      { id: admin, displayName: "Dana Admin", givenName: "Dana", department: "IT" },
      { id: "u3", displayName: "Jürgen Schmidt", givenName: "Juergen", preferredLanguage: "de-DE" },
    ]);
    sentSoon = 0;
    privately = [];
    deps = {
      store,
      policy: examplePolicy(),
      clock: new ManualClock(now),
      log: createLogger("silent"),
      roster: { isAdmin: (id) => Promise.resolve(id === admin) },
      deliverSoon: () => void sentSoon++,
      runDoctor: () => Promise.reject(new Error("not asked for in these tests")),
      replyPrivately: (userId, reply) => {
        privately.push([userId, reply]);
        return Promise.resolve(true);
      },
    };
  });
  afterEach(async () => store?.close());

  const ask = (text: string, actorId: string | undefined, place = personal) => answerMessage(text, actorId, place, deps);
  const audit = () => store.db.selectFrom("audit_log").select(["actor_kind", "actor_id", "action", "detail"]).orderBy("id").execute();

  it("refuses every command to someone who is not an admin, and audits the attempt", async () => {
    expect(await ask("mfa pause", "u1")).toEqual({ kind: "text", text: "Only MFA rollout admins can use this command." });
    expect(await ask("/mfa frobnicate", "u1")).toEqual({ kind: "text", text: "Only MFA rollout admins can use this command." });
    expect(await ask("mfa status", undefined)).toEqual({ kind: "text", text: "Only MFA rollout admins can use this command." });
    expect(await isPaused(store)).toBe(false);
    expect(await audit()).toEqual([
      { actor_kind: "user", actor_id: "u1", action: "command.refused", detail: JSON.stringify({ text: "mfa pause" }) },
      { actor_kind: "user", actor_id: "u1", action: "command.refused", detail: JSON.stringify({ text: "/mfa frobnicate" }) },
      { actor_kind: "user", actor_id: null, action: "command.refused", detail: JSON.stringify({ text: "mfa status" }) },
    ]);
  });

  it("tells anyone else who writes to it what it is for, without auditing chatter", async () => {
    expect(await ask("hello, who are you?", "u1")).toEqual({
      kind: "text",
      text: "I only send reminders about your second sign-in method. For anything else, please contact IT Service Desk.",
    });
    expect(await audit()).toEqual([]);
  });

  it("runs an admin's command, recording who asked", async () => {
    expect(await ask("mfa pause", admin)).toEqual({
      kind: "text",
      text: "Reminders are paused. Nothing is sent until someone types mfa resume.",
    });
    expect(await isPaused(store)).toBe(true);
    expect((await audit()).map((a) => [a.actor_kind, a.actor_id, a.action])).toEqual([
      ["admin", admin, "command.pause"],
      ["admin", admin, "campaign.paused"],
    ]);
  });

  it("answers help with exactly the table's commands, and anything unrecognised with the same list", async () => {
    const help = (await ask("mfa help", admin)) as { kind: "card"; card: AdaptiveCard };
    const usages = [
      "mfa status",
      "mfa pending [department or manager]",
      "mfa user <name or email>",
      "mfa preview",
      "mfa remind <email>",
      "mfa pause",
      "mfa resume",
      "mfa export",
      "mfa doctor",
      "mfa help",
    ];
    expect(usagesOf(help.card)).toEqual(usages);
    expect(listedCommands().map((name) => en.commands[name]?.usage)).toEqual(usages);
    const unknown = (await ask("mfa frobnicate", admin)) as { kind: "card"; card: AdaptiveCard };
    expect(visibleText(unknown.card)).toContain("I didn't recognise 'mfa frobnicate'.");
    expect(usagesOf(unknown.card)).toEqual(usages);
  });

  it("reminds one person now, once a day: the manual reminder's rules", async () => {
    expect(await ask("mfa remind ada@contoso.com", admin)).toEqual({ kind: "text", text: "Ada Lovelace gets a reminder now." });
    expect(sentSoon).toBe(1);
    expect(await ask("mfa remind ada@contoso.com", admin)).toEqual({
      kind: "text",
      text: "I didn't remind Ada Lovelace: already reminded today",
    });
    const queued = await store.db.selectFrom("outbox").select(["kind", "user_id", "status", "not_before"]).execute();
    expect(queued).toEqual([{ kind: "reminder", user_id: "u1", status: "pending", not_before: "2026-11-03T11:00:00.000Z" }]);
    expect((await audit()).filter((a) => a.action === "admin.remind").map((a) => a.detail)).toEqual([
      JSON.stringify({ outcome: "queued" }),
      JSON.stringify({ outcome: "already reminded today" }),
    ]);
  });

  it("resumes what an admin paused, and sends what is due at once", async () => {
    await ask("mfa pause", admin);
    expect(await ask("mfa resume", admin)).toEqual({
      kind: "text",
      text: "Reminders are running again. The next run sends whatever is due.",
    });
    expect(await isPaused(store)).toBe(false);
    expect(sentSoon).toBe(1);
  });

  it("records an admin's command with its argument, and logs who ran which", async () => {
    const { log, lines } = capturedLog();
    deps = { ...deps, log };
    await ask("mfa remind ada@contoso.com", admin);
    await ask("mfa pause", admin);
    expect((await audit()).filter((a) => a.action.startsWith("command."))).toEqual([
      { actor_kind: "admin", actor_id: admin, action: "command.remind", detail: JSON.stringify({ args: "ada@contoso.com" }) },
      { actor_kind: "admin", actor_id: admin, action: "command.pause", detail: null },
    ]);
    expect(lines).toEqual([
      { level: 30, command: "remind", actor: admin, msg: "admin command" },
      { level: 30, command: "pause", actor: admin, msg: "admin command" },
    ]);
  });

  it("answers an argument longer than any name with that, without running or recording the command", async () => {
    expect(await ask(`mfa user ${"x".repeat(300)}`, admin)).toEqual({
      kind: "text",
      text: "That is too long to look up: I read at most 256 characters after the command.",
    });
    expect(await audit()).toEqual([]);
  });

  it("records only the first 200 characters of a refused command", async () => {
    await ask(`mfa user ${"y".repeat(300)}`, "u1");
    expect((await audit()).map((a) => a.detail)).toEqual([JSON.stringify({ text: `mfa user ${"y".repeat(191)}` })]);
  });

  it("answers in the asker's language: their message's, else the directory's; English to an admin it has no entry for", async () => {
    expect(await ask("mfa status", "u3")).toEqual({ kind: "text", text: "Nur Admins des MFA-Rollouts können diesen Befehl verwenden." });
    expect(await answerMessage("mfa status", undefined, personal, deps, "fr-FR")).toEqual({
      kind: "text",
      text: "Seuls les administrateurs du déploiement MFA peuvent utiliser cette commande.",
    });
    deps = { ...deps, roster: { isAdmin: (id) => Promise.resolve(id === "a2") } };
    expect(await ask("mfa pause", "a2")).toEqual({
      kind: "text",
      text: "Reminders are paused. Nothing is sent until someone types mfa resume.",
    });
  });

  it("says so in the channel when it cannot open the asker's 1:1 chat, and logs it", async () => {
    const { log, lines } = capturedLog();
    deps = { ...deps, log, replyPrivately: () => Promise.resolve(false) };
    expect(await ask("mfa pending", admin, channel)).toEqual({
      kind: "text",
      text:
        "I couldn't open a personal chat with you, and this answer names people, so I don't post it here. " +
        "Please start a chat with me and ask there.",
    });
    expect(lines).toEqual([
      { level: 30, command: "pending", actor: admin, msg: "admin command" },
      { level: 40, command: "pending", actor: admin, msg: "could not answer privately" },
    ]);
  });

  it("answers a list of people asked for in a channel in the asker's 1:1 chat, and says so where it was asked", async () => {
    const { log, lines } = capturedLog();
    deps = { ...deps, log };
    expect(await ask("mfa pending", admin, channel)).toEqual({
      kind: "text",
      text: "I've sent you the answer in our personal chat, as it names people.",
    });
    expect(privately.map(([userId, reply]) => [userId, reply.kind])).toEqual([[admin, "card"]]);
    expect(await ask("mfa pause", admin, channel)).toEqual({
      kind: "text",
      text: "Reminders are paused. Nothing is sent until someone types mfa resume.",
    });
    expect(privately).toHaveLength(1);
    expect(lines.map((line) => line.msg)).toEqual(["admin command", "admin command"]);
  });
});
