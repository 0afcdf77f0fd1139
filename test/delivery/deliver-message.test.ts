import { describe, expect, it } from "vitest";
import type { AppInstaller, InstallResult } from "../../src/delivery/app-installer.js";
import { deliverMessage, type DeliveryOutcome } from "../../src/delivery/deliver-message.js";
import { TeamsDeliveryError, type ConversationRef, type TeamsMessenger } from "../../src/delivery/teams-messenger.js";
import { AppError } from "../../src/errors/app-error.js";
import { ErrorCode } from "../../src/errors/error-code.js";

const serviceUrl = "https://smba.trafficmanager.net/emea/";
const stored: ConversationRef = { conversationId: "a:stored", serviceUrl };
const fresh: ConversationRef = { conversationId: "a:fresh", serviceUrl };
const activity = { type: "message", text: "Please register" };
const row = { recipient_id: "u1", attempts: 0 };

const notInRoster = () => new TeamsDeliveryError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");

/** A Bot Connector stand-in: each call takes the next scripted answer, an id/ref or an error to throw. */
function fakeTeams(script: { open?: (ConversationRef | Error)[]; send?: (string | Error)[] }) {
  const calls: string[] = [];
  const opens = [...(script.open ?? [])];
  const sends = [...(script.send ?? [])];
  const messenger: TeamsMessenger = {
    openConversation(userId) {
      calls.push(`open ${userId}`);
      const next = opens.shift() ?? fresh;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    send(ref, sent) {
      calls.push(`send ${ref.conversationId} ${(sent as { text: string }).text}`);
      const next = sends.shift() ?? "activity-1";
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
    update() {
      return Promise.reject(new Error("delivery never updates a message"));
    },
  };
  return { messenger, calls };
}

/** An installer stand-in: the install's result, then the chats Graph reports one call at a time. */
function fakeInstaller(result: InstallResult | Error, calls: string[], chats: (string | undefined)[] = ["19:chat"]): AppInstaller {
  const left = [...chats];
  return {
    installFor(userId) {
      calls.push(`install ${userId}`);
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
    chatWith(userId) {
      calls.push(`chat ${userId}`);
      return Promise.resolve(left.shift());
    },
  };
}

const deps = (messenger: TeamsMessenger, installer: AppInstaller | undefined, knownConversation: ConversationRef | undefined) => ({
  messenger,
  installer,
  knownConversation,
  serviceUrl,
  activity,
});

describe("a refusal from the Bot Connector", () => {
  it("carries its status, code, message, Retry-After and its own name for the logs", () => {
    const error = new TeamsDeliveryError(429, "ThrottledRequest", "Too many requests", 2000);
    expect([error.name, error.status, error.code, error.message, error.retryAfterMs]).toEqual([
      "TeamsDeliveryError",
      429,
      "ThrottledRequest",
      "Too many requests",
      2000,
    ]);
  });
});

const chat: ConversationRef = { conversationId: "19:chat", serviceUrl };

describe("delivering one message to one person", () => {
  it("sends into the stored conversation", async () => {
    const teams = fakeTeams({});
    const outcome = await deliverMessage(row, deps(teams.messenger, undefined, stored));
    expect(outcome).toEqual({ result: "sent", activityId: "activity-1", conversation: stored, installed: false });
    expect(teams.calls).toEqual(["send a:stored Please register"]);
  });

  it("opens the conversation first when none is stored", async () => {
    const teams = fakeTeams({});
    const outcome = await deliverMessage(row, deps(teams.messenger, undefined, undefined));
    expect(outcome).toEqual({ result: "sent", activityId: "activity-1", conversation: fresh, installed: false });
    expect(teams.calls).toEqual(["open u1", "send a:fresh Please register"]);
  });

  it.each<[string, InstallResult, boolean]>([
    ["installs the bot, then sends into the chat Graph says the install opened", { outcome: "installed" }, true],
    ["sends without counting an install when Graph says it was installed already", { outcome: "alreadyInstalled" }, false],
  ])("%s", async (_name, install, installed) => {
    const teams = fakeTeams({ open: [notInRoster()] });
    const installer = fakeInstaller(install, teams.calls);
    const outcome = await deliverMessage(row, deps(teams.messenger, installer, undefined));
    expect(outcome).toEqual({ result: "sent", activityId: "activity-1", conversation: chat, installed });
    expect(teams.calls).toEqual(["open u1", "install u1", "chat u1", "send 19:chat Please register"]);
  });

  it("waits for Teams to open the chat after an install, marking nobody unreachable", async () => {
    const teams = fakeTeams({ open: [notInRoster()] });
    const installer = fakeInstaller({ outcome: "installed" }, teams.calls, [undefined]);
    const outcome = await deliverMessage(row, deps(teams.messenger, installer, undefined));
    expect(outcome).toEqual({
      result: "retry",
      retryAfterMs: 4000,
      installed: true,
      error: "installed; waiting for Teams to open the chat",
    });
    expect(teams.calls).toEqual(["open u1", "install u1", "chat u1"]);
  });

  // 4 s doubling per try, capped at a minute: about five minutes over eight tries.
  it.each<[number, number]>([
    [1, 4000],
    [2, 8000],
    [3, 16_000],
    [4, 32_000],
    [5, 60_000],
    [8, 60_000],
  ])("on try %i waits %i ms for the chat", async (attempts, wait) => {
    const teams = fakeTeams({ open: [notInRoster()] });
    const installer = fakeInstaller({ outcome: "alreadyInstalled" }, teams.calls, [undefined]);
    const outcome = await deliverMessage({ recipient_id: "u1", attempts }, deps(teams.messenger, installer, undefined));
    expect(outcome).toEqual({
      result: "retry",
      retryAfterMs: wait,
      installed: false,
      error: "installed; waiting for Teams to open the chat",
    });
  });

  it.each<[string, TeamsDeliveryError, string]>([
    ["is not yet in the roster", notInRoster(), "installed; Teams still refuses the chat (403 BotNotInConversationRoster)"],
    [
      "is not found yet",
      new TeamsDeliveryError(404, "ConversationNotFound", "Conversation not found."),
      "installed; Teams still refuses the chat (404 ConversationNotFound)",
    ],
  ])("waits, without marking anyone, when the chat Graph named %s at Teams", async (_name, refusal, error) => {
    const teams = fakeTeams({ open: [notInRoster()], send: [refusal] });
    const installer = fakeInstaller({ outcome: "installed" }, teams.calls);
    const outcome = await deliverMessage(row, deps(teams.messenger, installer, undefined));
    expect(outcome).toEqual({ result: "retry", retryAfterMs: 4000, installed: true, error });
  });

  it("keeps the install counted when the first send after it is throttled", async () => {
    const teams = fakeTeams({ open: [notInRoster()], send: [new TeamsDeliveryError(429, "ThrottledRequest", "Too many requests", 3000)] });
    const installer = fakeInstaller({ outcome: "installed" }, teams.calls);
    const outcome = await deliverMessage(row, deps(teams.messenger, installer, undefined));
    expect(outcome).toEqual({ result: "retry", retryAfterMs: 3000, installed: true, error: "429 ThrottledRequest: Too many requests" });
  });

  it("fails for good when the first send after an install is refused as malformed", async () => {
    const teams = fakeTeams({ open: [notInRoster()], send: [new TeamsDeliveryError(400, "BadArgument", "Unknown activity type")] });
    const installer = fakeInstaller({ outcome: "installed" }, teams.calls);
    const outcome = await deliverMessage(row, deps(teams.messenger, installer, undefined));
    expect(outcome).toEqual({ result: "failed", error: "400 BadArgument: Unknown activity type" });
  });

  it.each<[string, InstallResult, DeliveryOutcome]>([
    [
      "whose Teams app permission policy keeps the bot from them",
      { outcome: "blocked", code: "Forbidden" },
      { result: "unreachable", reason: "a Teams app permission policy keeps the bot from them", code: "Forbidden" },
    ],
    [
      "who left the directory",
      { outcome: "userGone", code: "Request_ResourceNotFound" },
      { result: "unreachable", reason: "they are no longer in the directory", code: "Request_ResourceNotFound" },
    ],
  ])("gives up on someone %s", async (_name, install, expected) => {
    const teams = fakeTeams({ open: [notInRoster()] });
    const installer = fakeInstaller(install, teams.calls);
    expect(await deliverMessage(row, deps(teams.messenger, installer, undefined))).toEqual(expected);
    expect(teams.calls).toEqual(["open u1", "install u1"]);
  });

  it("without an installer, calls someone the bot is not installed for unreachable", async () => {
    const teams = fakeTeams({ open: [notInRoster()] });
    const outcome = await deliverMessage(row, deps(teams.messenger, undefined, undefined));
    expect(outcome).toEqual({
      result: "unreachable",
      reason: "the bot is not installed for them, and no catalog id to install it",
      code: "BotNotInConversationRoster",
    });
    expect(teams.calls).toEqual(["open u1"]);
  });

  it("does not install for other refusals to open a conversation", async () => {
    const teams = fakeTeams({ open: [new TeamsDeliveryError(403, "Forbidden", "Tenant not allowed")] });
    const installer = fakeInstaller({ outcome: "installed" }, teams.calls);
    const outcome = await deliverMessage(row, deps(teams.messenger, installer, undefined));
    expect(outcome).toEqual({ result: "unreachable", reason: "403 Forbidden: Tenant not allowed", code: "Forbidden" });
    expect(teams.calls).toEqual(["open u1"]);
  });

  it("does not install when opening failed with something that is not a Teams refusal", async () => {
    const teams = fakeTeams({ open: [Object.assign(new Error("socket hang up"), { code: "BotNotInConversationRoster" })] });
    const installer = fakeInstaller({ outcome: "installed" }, teams.calls);
    const outcome = await deliverMessage(row, deps(teams.messenger, installer, undefined));
    expect(outcome).toEqual({ result: "retry", retryAfterMs: undefined, error: "socket hang up", installed: false });
    expect(teams.calls).toEqual(["open u1"]);
  });

  it.each<[string, Error, DeliveryOutcome]>([
    [
      "a roster refusal with a status other than 403",
      new TeamsDeliveryError(404, "BotNotInConversationRoster", "Not in roster."),
      { result: "failed", error: "404 BotNotInConversationRoster: Not in roster." },
    ],
    [
      "an error that only looks like a roster refusal (not normalised by the messenger)",
      Object.assign(new Error("Forbidden"), { status: 403, code: "BotNotInConversationRoster" }),
      { result: "retry", retryAfterMs: undefined, error: "Forbidden", installed: false },
    ],
  ])("does not install on %s", async (_name, error, expected) => {
    const teams = fakeTeams({ open: [error] });
    const installer = fakeInstaller({ outcome: "installed" }, teams.calls);
    expect(await deliverMessage(row, deps(teams.messenger, installer, undefined))).toEqual(expected);
    expect(teams.calls).toEqual(["open u1"]);
  });

  it.each<[string, TeamsDeliveryError]>([
    ["is gone (404)", new TeamsDeliveryError(404, "ConversationNotFound", "Conversation not found.")],
    ["no longer has the bot in it", notInRoster()],
  ])("opens the conversation afresh, once, when the stored one %s", async (_name, error) => {
    const teams = fakeTeams({ send: [error, "activity-2"] });
    const outcome = await deliverMessage(row, deps(teams.messenger, undefined, stored));
    expect(outcome).toEqual({ result: "sent", activityId: "activity-2", conversation: fresh, installed: false });
    expect(teams.calls).toEqual(["send a:stored Please register", "open u1", "send a:fresh Please register"]);
  });

  it("installs the bot again when the stored conversation was stale because it was uninstalled", async () => {
    const teams = fakeTeams({ open: [notInRoster()], send: [notInRoster(), "activity-2"] });
    const installer = fakeInstaller({ outcome: "installed" }, teams.calls);
    const outcome = await deliverMessage(row, deps(teams.messenger, installer, stored));
    expect(outcome).toEqual({ result: "sent", activityId: "activity-2", conversation: chat, installed: true });
    expect(teams.calls).toEqual(["send a:stored Please register", "open u1", "install u1", "chat u1", "send 19:chat Please register"]);
  });

  it("does not open again when a conversation it just opened refuses the send", async () => {
    const teams = fakeTeams({ send: [new TeamsDeliveryError(404, "ConversationNotFound", "Conversation not found.")] });
    const outcome = await deliverMessage(row, deps(teams.messenger, undefined, undefined));
    expect(outcome).toEqual({ result: "failed", error: "404 ConversationNotFound: Conversation not found." });
    expect(teams.calls).toEqual(["open u1", "send a:fresh Please register"]);
  });

  it("does not open again when the stored conversation refuses for another reason", async () => {
    const teams = fakeTeams({ send: [new TeamsDeliveryError(400, "BadSyntax", "Invalid activity")] });
    const outcome = await deliverMessage(row, deps(teams.messenger, undefined, stored));
    expect(outcome).toEqual({ result: "failed", error: "400 BadSyntax: Invalid activity" });
    expect(teams.calls).toEqual(["send a:stored Please register"]);
  });

  it.each<[string, Error, DeliveryOutcome]>([
    [
      "a 429 with its Retry-After: try again later",
      new TeamsDeliveryError(429, "ThrottledRequest", "Too many requests", 3000),
      { result: "retry", retryAfterMs: 3000, error: "429 ThrottledRequest: Too many requests", installed: false },
    ],
    [
      "a 412: try again later",
      new TeamsDeliveryError(412, "PreconditionFailed", "Precondition failed"),
      { result: "retry", retryAfterMs: undefined, error: "412 PreconditionFailed: Precondition failed", installed: false },
    ],
    [
      "a 502: try again later",
      new TeamsDeliveryError(502, "BadGateway", "Bad gateway"),
      { result: "retry", retryAfterMs: undefined, error: "502 BadGateway: Bad gateway", installed: false },
    ],
    [
      "a 500: try again later",
      new TeamsDeliveryError(500, "InternalServerError", "Oops"),
      { result: "retry", retryAfterMs: undefined, error: "500 InternalServerError: Oops", installed: false },
    ],
    [
      "a bot blocked by the person: unreachable, in plain words",
      new TeamsDeliveryError(403, "ConversationBlockedByUser", "User blocked the conversation with the bot."),
      { result: "unreachable", reason: "they blocked the bot in Teams", code: "ConversationBlockedByUser" },
    ],
    [
      "a bot disabled by a Teams admin: unreachable, in plain words",
      new TeamsDeliveryError(403, "BotDisabledByAdmin", "The bot is disabled"),
      { result: "unreachable", reason: "a Teams admin disabled the bot for them", code: "BotDisabledByAdmin" },
    ],
    [
      "any other 403: unreachable, with Teams' own words",
      new TeamsDeliveryError(403, "Forbidden", "Nope"),
      { result: "unreachable", reason: "403 Forbidden: Nope", code: "Forbidden" },
    ],
    [
      "a 400: failed for good",
      new TeamsDeliveryError(400, "BadArgument", "Unknown activity type"),
      { result: "failed", error: "400 BadArgument: Unknown activity type" },
    ],
    [
      "no answer from Teams at all (a timeout): try again later, marked unanswered",
      new TeamsDeliveryError(0, "Timeout", "Teams did not answer POST /v3/conversations/a/activities within 30000 ms"),
      {
        result: "retry",
        retryAfterMs: undefined,
        error: "0 Timeout: Teams did not answer POST /v3/conversations/a/activities within 30000 ms",
        installed: false,
        unanswered: true,
      },
    ],
    [
      "a network error: try again later",
      new Error("connect ECONNREFUSED 127.0.0.1:443"),
      { result: "retry", retryAfterMs: undefined, error: "connect ECONNREFUSED 127.0.0.1:443", installed: false },
    ],
  ])("classifies %s", async (_name, error, expected) => {
    const teams = fakeTeams({ send: [error] });
    expect(await deliverMessage(row, deps(teams.messenger, undefined, stored))).toEqual(expected);
  });

  it.each<[string, Error | string, DeliveryOutcome]>([
    [
      "a Graph permission missing: held, with the hint, and nobody marked",
      new AppError(ErrorCode.GraphPermissionMissing, "Graph refused the install.", {
        hint: "Grant TeamsAppInstallation.ReadWriteSelfForUser.All",
      }),
      { result: "held", problem: "Graph refused the install. Grant TeamsAppInstallation.ReadWriteSelfForUser.All" },
    ],
    [
      "a catalog id the tenant does not have: held",
      new AppError(ErrorCode.TeamsAppNotInCatalog, "Graph found no Teams app with the catalog id c1 to install."),
      { result: "held", problem: "Graph found no Teams app with the catalog id c1 to install." },
    ],
    [
      "a Graph answer we cannot read: failed, with the hint",
      new AppError(ErrorCode.GraphResponseInvalid, "Graph answered with something else.", { hint: "Check GRAPH_BASE_URL" }),
      { result: "failed", error: "Graph answered with something else. (Check GRAPH_BASE_URL)" },
    ],
    [
      "a Graph failure without a hint: failed, with the message alone",
      new AppError(ErrorCode.GraphNotFound, "No such user."),
      { result: "failed", error: "No such user." },
    ],
    [
      "Graph throttled: try again later",
      new AppError(ErrorCode.GraphThrottled, "Graph throttled the install."),
      { result: "retry", retryAfterMs: undefined, error: "Graph throttled the install.", installed: false },
    ],
    [
      "Graph unreachable: try again later",
      new AppError(ErrorCode.GraphUnreachable, "Graph did not answer."),
      { result: "retry", retryAfterMs: undefined, error: "Graph did not answer.", installed: false },
    ],
    [
      "a Graph request that failed: try again later",
      new AppError(ErrorCode.GraphRequestFailed, "Graph answered 500."),
      { result: "retry", retryAfterMs: undefined, error: "Graph answered 500.", installed: false },
    ],
    [
      "something thrown that is not an Error: try again later",
      "boom",
      { result: "retry", retryAfterMs: undefined, error: "boom", installed: false },
    ],
  ])("classifies an install that failed with %s", async (_name, error, expected) => {
    const teams = fakeTeams({ open: [notInRoster()] });
    const installer: AppInstaller = {
      // A string row is there on purpose: code outside ours may throw anything.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      installFor: () => Promise.reject(error),
      chatWith: () => Promise.reject(new Error("not reached")),
    };
    expect(await deliverMessage(row, deps(teams.messenger, installer, undefined))).toEqual(expected);
  });
});
