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
const row = { recipient_id: "u1" };

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
  };
  return { messenger, calls };
}

function fakeInstaller(result: InstallResult | Error, calls: string[]): AppInstaller {
  return {
    installFor(userId) {
      calls.push(`install ${userId}`);
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
  };
}

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

describe("delivering one message to one person", () => {
  it("sends into the stored conversation", async () => {
    const teams = fakeTeams({});
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer: undefined, knownConversation: stored, activity });
    expect(outcome).toEqual({ result: "sent", activityId: "activity-1", conversation: stored, installed: false });
    expect(teams.calls).toEqual(["send a:stored Please register"]);
  });

  it("opens the conversation first when none is stored", async () => {
    const teams = fakeTeams({});
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer: undefined, knownConversation: undefined, activity });
    expect(outcome).toEqual({ result: "sent", activityId: "activity-1", conversation: fresh, installed: false });
    expect(teams.calls).toEqual(["open u1", "send a:fresh Please register"]);
  });

  it.each<[string, InstallResult, boolean]>([
    ["installs the bot and then sends, when it is not installed for them", "installed", true],
    ["sends without counting an install when Graph says it was installed already", "alreadyInstalled", false],
  ])("%s", async (_name, install, installed) => {
    const teams = fakeTeams({ open: [notInRoster(), fresh] });
    const installer = fakeInstaller(install, teams.calls);
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer, knownConversation: undefined, activity });
    expect(outcome).toEqual({ result: "sent", activityId: "activity-1", conversation: fresh, installed });
    expect(teams.calls).toEqual(["open u1", "install u1", "open u1", "send a:fresh Please register"]);
  });

  it("gives up on someone whose Teams app policy blocks installing the bot", async () => {
    const teams = fakeTeams({ open: [notInRoster()] });
    const installer = fakeInstaller("blocked", teams.calls);
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer, knownConversation: undefined, activity });
    expect(outcome).toEqual({ result: "unreachable", reason: "a Teams app permission policy blocks installing the bot for them" });
    expect(teams.calls).toEqual(["open u1", "install u1"]);
  });

  it("without an installer, calls someone the bot is not installed for unreachable", async () => {
    const teams = fakeTeams({ open: [notInRoster()] });
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer: undefined, knownConversation: undefined, activity });
    expect(outcome).toEqual({ result: "unreachable", reason: "the bot is not installed for them and could not be installed" });
    expect(teams.calls).toEqual(["open u1"]);
  });

  it("does not install for other refusals to open a conversation", async () => {
    const teams = fakeTeams({ open: [new TeamsDeliveryError(403, "Forbidden", "Tenant not allowed")] });
    const installer = fakeInstaller("installed", teams.calls);
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer, knownConversation: undefined, activity });
    expect(outcome).toEqual({ result: "unreachable", reason: "Teams refused: 403 Forbidden: Tenant not allowed" });
    expect(teams.calls).toEqual(["open u1"]);
  });

  it("does not install when opening failed with something that is not a Teams refusal", async () => {
    const teams = fakeTeams({ open: [Object.assign(new Error("socket hang up"), { code: "BotNotInConversationRoster" })] });
    const installer = fakeInstaller("installed", teams.calls);
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer, knownConversation: undefined, activity });
    expect(outcome).toEqual({ result: "retry", retryAfterMs: undefined, error: "socket hang up" });
    expect(teams.calls).toEqual(["open u1"]);
  });

  it.each<[string, TeamsDeliveryError]>([
    ["is gone (404)", new TeamsDeliveryError(404, "ConversationNotFound", "Conversation not found.")],
    ["no longer has the bot in it", notInRoster()],
  ])("opens the conversation afresh, once, when the stored one %s", async (_name, error) => {
    const teams = fakeTeams({ send: [error, "activity-2"] });
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer: undefined, knownConversation: stored, activity });
    expect(outcome).toEqual({ result: "sent", activityId: "activity-2", conversation: fresh, installed: false });
    expect(teams.calls).toEqual(["send a:stored Please register", "open u1", "send a:fresh Please register"]);
  });

  it("installs the bot again when the stale conversation was stale because it was uninstalled", async () => {
    const teams = fakeTeams({ open: [notInRoster(), fresh], send: [notInRoster(), "activity-2"] });
    const installer = fakeInstaller("installed", teams.calls);
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer, knownConversation: stored, activity });
    expect(outcome).toEqual({ result: "sent", activityId: "activity-2", conversation: fresh, installed: true });
    expect(teams.calls).toEqual(["send a:stored Please register", "open u1", "install u1", "open u1", "send a:fresh Please register"]);
  });

  it("does not open again when a conversation it just opened refuses the send", async () => {
    const teams = fakeTeams({ send: [new TeamsDeliveryError(404, "ConversationNotFound", "Conversation not found.")] });
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer: undefined, knownConversation: undefined, activity });
    expect(outcome).toEqual({ result: "failed", error: "404 ConversationNotFound: Conversation not found." });
    expect(teams.calls).toEqual(["open u1", "send a:fresh Please register"]);
  });

  it("does not open again when the stored conversation refuses for another reason", async () => {
    const teams = fakeTeams({ send: [new TeamsDeliveryError(400, "BadSyntax", "Invalid activity")] });
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer: undefined, knownConversation: stored, activity });
    expect(outcome).toEqual({ result: "failed", error: "400 BadSyntax: Invalid activity" });
    expect(teams.calls).toEqual(["send a:stored Please register"]);
  });

  it.each<[string, Error, DeliveryOutcome]>([
    [
      "a 429 with its Retry-After: try again later",
      new TeamsDeliveryError(429, "ThrottledRequest", "Too many requests", 3000),
      { result: "retry", retryAfterMs: 3000, error: "429 ThrottledRequest: Too many requests" },
    ],
    [
      "a 412: try again later",
      new TeamsDeliveryError(412, "PreconditionFailed", "Precondition failed"),
      { result: "retry", retryAfterMs: undefined, error: "412 PreconditionFailed: Precondition failed" },
    ],
    [
      "a 502: try again later",
      new TeamsDeliveryError(502, "BadGateway", "Bad gateway"),
      { result: "retry", retryAfterMs: undefined, error: "502 BadGateway: Bad gateway" },
    ],
    [
      "a 403 other than the roster: unreachable",
      new TeamsDeliveryError(403, "BotDisabledByAdmin", "The bot is disabled"),
      { result: "unreachable", reason: "Teams refused: 403 BotDisabledByAdmin: The bot is disabled" },
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
      { result: "retry", retryAfterMs: undefined, error: "connect ECONNREFUSED 127.0.0.1:443" },
    ],
  ])("classifies %s", async (_name, error, expected) => {
    const teams = fakeTeams({ send: [error] });
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer: undefined, knownConversation: stored, activity });
    expect(outcome).toEqual(expected);
  });

  it.each<[string, Error | string, DeliveryOutcome]>([
    [
      "a Graph permission missing: failed, with the hint",
      new AppError(ErrorCode.GraphPermissionMissing, "Graph refused the install.", {
        hint: "Grant TeamsAppInstallation.ReadWriteForUser.All",
      }),
      { result: "failed", error: "Graph refused the install. (Grant TeamsAppInstallation.ReadWriteForUser.All)" },
    ],
    [
      "a Graph failure without a hint: failed, with the message alone",
      new AppError(ErrorCode.GraphNotFound, "No such user."),
      { result: "failed", error: "No such user." },
    ],
    [
      "Graph throttled: try again later",
      new AppError(ErrorCode.GraphThrottled, "Graph throttled the install."),
      { result: "retry", retryAfterMs: undefined, error: "Graph throttled the install." },
    ],
    [
      "Graph unreachable: try again later",
      new AppError(ErrorCode.GraphUnreachable, "Graph did not answer."),
      { result: "retry", retryAfterMs: undefined, error: "Graph did not answer." },
    ],
    [
      "a Graph request that failed: try again later",
      new AppError(ErrorCode.GraphRequestFailed, "Graph answered 500."),
      { result: "retry", retryAfterMs: undefined, error: "Graph answered 500." },
    ],
    ["something thrown that is not an Error: try again later", "boom", { result: "retry", retryAfterMs: undefined, error: "boom" }],
  ])("classifies an install that failed with %s", async (_name, error, expected) => {
    const teams = fakeTeams({ open: [notInRoster()] });
    // A string row is there on purpose: code outside ours may throw anything.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const installer: AppInstaller = { installFor: () => Promise.reject(error) };
    const outcome = await deliverMessage(row, { messenger: teams.messenger, installer, knownConversation: undefined, activity });
    expect(outcome).toEqual(expected);
  });
});
