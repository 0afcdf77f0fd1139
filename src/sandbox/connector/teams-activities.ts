import { randomUUID } from "node:crypto";
import { personalConversationId } from "./simulated-connector.js";

/*
 * Activities as Teams sends them to a bot, shaped after Microsoft's documented payloads
 * (shared/oracles/teams-activities): what a person's Teams client would post to /api/messages.
 * The simulated connector's serviceUrl goes in, so the bot's replies reach it.
 */

export interface TeamsUser {
  readonly aadObjectId: string;
  readonly name: string;
  readonly timeZone?: string;
  /** The language their Teams client is in; default "en-GB". */
  readonly locale?: string;
}

export interface TeamsEnvironment {
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly botId: string;
}

function base(env: TeamsEnvironment, user: TeamsUser, conversationId: string) {
  const locale = user.locale ?? "en-GB";
  return {
    id: String(Date.now()),
    timestamp: new Date().toISOString(),
    serviceUrl: env.serviceUrl,
    channelId: "msteams",
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { conversationType: "personal", tenantId: env.tenantId, id: conversationId },
    recipient: { id: `28:${env.botId}`, name: "MFA Nudge" },
    entities: user.timeZone
      ? [{ type: "clientInfo", locale, country: locale.split("-")[1] ?? "", platform: "Web", timezone: user.timeZone }]
      : [],
    channelData: { tenant: { id: env.tenantId } },
    locale,
  };
}

export function personalMessage(
  env: TeamsEnvironment,
  user: TeamsUser,
  text: string,
  conversationId = personalConversationId(user.aadObjectId),
) {
  return { ...base(env, user, conversationId), type: "message", textFormat: "plain", text };
}

/** Universal Action: the person pressed an Action.Execute button on a card. */
export function cardAction(
  env: TeamsEnvironment,
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  conversationId = personalConversationId(user.aadObjectId),
) {
  return {
    ...base(env, user, conversationId),
    type: "invoke",
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", id: randomUUID(), verb, data }, trigger: "manual" },
  };
}

/** The bot was added to the person's personal scope (installed for them). */
export function botInstalled(env: TeamsEnvironment, user: TeamsUser, conversationId = personalConversationId(user.aadObjectId)) {
  const activity = base(env, user, conversationId);
  return { ...activity, type: "conversationUpdate", membersAdded: [{ id: activity.recipient.id }] };
}

/** A message in a team's channel that @mentions the bot, as Teams sends it. */
export function channelMention(env: TeamsEnvironment, user: TeamsUser, text: string, channelId: string) {
  const activity = base(env, user, channelId);
  return {
    ...activity,
    type: "message",
    textFormat: "plain",
    text: `<at>MFA Nudge</at> ${text}`,
    conversation: { conversationType: "channel", isGroup: true, tenantId: env.tenantId, id: channelId },
    entities: [
      ...activity.entities,
      { type: "mention", text: "<at>MFA Nudge</at>", mentioned: { id: activity.recipient.id, name: "MFA Nudge" } },
    ],
    channelData: { tenant: { id: env.tenantId }, teamsChannelId: channelId.split(";")[0], teamsTeamId: "19:team@thread.tacv2" },
  };
}

/** The person accepted a file consent card: Teams says where to upload the file. */
export function fileConsentAccepted(env: TeamsEnvironment, user: TeamsUser, name: string, context: unknown) {
  return {
    ...base(env, user, personalConversationId(user.aadObjectId)),
    type: "invoke",
    name: "fileConsent/invoke",
    value: {
      type: "fileUpload",
      action: "accept",
      context,
      uploadInfo: {
        contentUrl: `${env.serviceUrl}sandbox/files/${encodeURIComponent(name)}`,
        name,
        uploadUrl: `${env.serviceUrl}sandbox/uploads/${encodeURIComponent(name)}`,
        uniqueId: randomUUID(),
        fileType: name.split(".").pop() ?? "",
      },
    },
  };
}

/** The person declined a file consent card: nothing is uploaded, and the bot is told so. */
export function fileConsentDeclined(env: TeamsEnvironment, user: TeamsUser, context: unknown) {
  return {
    ...base(env, user, personalConversationId(user.aadObjectId)),
    type: "invoke",
    name: "fileConsent/invoke",
    value: { type: "fileUpload", action: "decline", context },
  };
}

/** Posts an activity to the bot as Teams would; returns the HTTP status and parsed body. */
export async function postToBot(botUrl: string, activity: unknown, authorization?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(authorization ? { Authorization: authorization } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    // Plain-text bodies (a 401 from the adapter, say) are returned as they are.
  }
  return { status: response.status, body };
}
