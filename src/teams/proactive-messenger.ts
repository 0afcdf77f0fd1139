import type { TeamsAdapter } from "@microsoft/teams-ai";
import { TurnContext, type ConversationParameters, type ConversationReference } from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import { TeamsDeliveryError, type ConversationRef, type TeamsMessenger } from "../delivery/teams-messenger.js";

export interface ProactiveMessengerOptions {
  readonly adapter: TeamsAdapter;
  /** The bot's app id; empty in local mode. */
  readonly botAppId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
}

/** Opens 1:1 chats and sends into them through the CloudAdapter, turning SDK errors into TeamsDeliveryError. */
export function createProactiveMessenger(options: ProactiveMessengerOptions): TeamsMessenger {
  const { adapter, botAppId, serviceUrl, tenantId } = options;
  return {
    async openConversation(userId) {
      const parameters = {
        isGroup: false,
        bot: { id: botAppId || "mfa-nudge", name: "MFA Nudge" },
        // Teams accepts the person's Entra object id here once the bot is installed for them.
        members: [{ id: userId, name: "" }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as ConversationParameters;
      let ref: ConversationRef | undefined;
      await guard(() =>
        adapter.createConversationAsync(botAppId, "msteams", serviceUrl, "", parameters, (context) => {
          const reference = TurnContext.getConversationReference(context.activity);
          ref = { conversationId: reference.conversation?.id ?? "", serviceUrl: reference.serviceUrl ?? serviceUrl };
          return Promise.resolve();
        }),
      );
      if (!ref?.conversationId) throw new TeamsDeliveryError(502, "NoConversation", "Teams created no conversation");
      return ref;
    },

    async send(ref, activity) {
      const reference: Partial<ConversationReference> = {
        channelId: "msteams",
        serviceUrl: ref.serviceUrl,
        conversation: { id: ref.conversationId, isGroup: false, conversationType: "personal", tenantId, name: "" },
        bot: { id: botAppId || "mfa-nudge", name: "MFA Nudge" },
      };
      let id = "";
      await guard(() =>
        adapter.continueConversationAsync(botAppId, reference, async (context) => {
          // A new message to the conversation (SendToConversation), not a reply to the
          // placeholder activity a continuation starts from.
          const connector = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
          const response = await connector.conversations.sendToConversation(ref.conversationId, {
            ...activity,
            type: "message",
            from: reference.bot,
            conversation: reference.conversation,
            channelId: "msteams",
          });
          id = response.id ?? "";
        }),
      );
      return id;
    },
  };
}

/** The SDK throws RestErrors carrying statusCode and the connector's error code. */
async function guard(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (error) {
    const e = error as { statusCode?: number; code?: string; message?: string; response?: { headers?: { get?(name: string): string | undefined } } };
    const retryAfter = Number(e.response?.headers?.get?.("retry-after"));
    throw new TeamsDeliveryError(e.statusCode ?? 0, e.code ?? "NetworkError", e.message ?? String(error), Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined);
  }
}
