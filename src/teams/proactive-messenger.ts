import type { TeamsAdapter } from "@microsoft/teams-ai";
import { TurnContext, type ConversationParameters, type ConversationReference } from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import { describeSdkFailure } from "./sdk-failure.js";
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
      await guard((inTurn) =>
        adapter.createConversationAsync(botAppId, "msteams", serviceUrl, "", parameters, (context) =>
          inTurn(() => {
            const reference = TurnContext.getConversationReference(context.activity);
            ref = { conversationId: reference.conversation?.id ?? "", serviceUrl: reference.serviceUrl ?? serviceUrl };
            return Promise.resolve();
          }),
        ),
      );
      if (!ref?.conversationId) throw new TeamsDeliveryError(502, "NoConversation", "Teams created no conversation");
      return ref;
    },

    async send(ref, activity) {
      const reference = referenceTo(ref);
      let id = "";
      await guard((inTurn) =>
        adapter.continueConversationAsync(botAppId, reference, (context) =>
          inTurn(async () => {
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
        ),
      );
      if (!id) throw new TeamsDeliveryError(502, "NoActivityId", "Teams accepted the message but returned no id");
      return id;
    },

    async update(ref, activityId, activity) {
      const reference = referenceTo(ref);
      await guard((inTurn) =>
        adapter.continueConversationAsync(botAppId, reference, (context) =>
          inTurn(async () => {
            // PUT /v3/conversations/{id}/activities/{activityId}: the message changes for everyone.
            const connector = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
            await connector.conversations.updateActivity(ref.conversationId, activityId, {
              ...activity,
              id: activityId,
              type: "message",
              from: reference.bot,
              conversation: reference.conversation,
              channelId: "msteams",
            });
          }),
        ),
      );
    },
  };

  function referenceTo(ref: ConversationRef): Partial<ConversationReference> & Pick<ConversationReference, "bot" | "conversation"> {
    return {
      channelId: "msteams",
      serviceUrl: ref.serviceUrl,
      conversation: { id: ref.conversationId, isGroup: false, conversationType: "personal", tenantId, name: "" },
      bot: { id: botAppId || "mfa-nudge", name: "MFA Nudge" },
    };
  }
}

/**
 * Runs one proactive turn and surfaces its failure. The adapter hands errors thrown inside a turn
 * to its onTurnError (which teams-ai installs) and then returns normally, so a failed send would
 * look like a success; the failure is caught inside the turn and rethrown here instead.
 */
async function guard(run: (inTurn: (work: () => Promise<void>) => Promise<void>) => Promise<void>): Promise<void> {
  let failure: unknown;
  const inTurn = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      failure = error;
    }
  };
  try {
    await run(inTurn);
  } catch (error) {
    failure = error;
  }
  if (failure === undefined) return;
  const f = describeSdkFailure(failure);
  throw new TeamsDeliveryError(f.status, f.code, f.message, f.retryAfterMs);
}
