import { Application, type TeamsAdapter, type TurnState } from "@microsoft/teams-ai";
import { MemoryStorage, type FileConsentCardResponse, type TurnContext } from "botbuilder";
import type { Logger } from "pino";
import type { AdaptiveCard } from "../cards/adaptive-card.js";
import type { ChatReply } from "../chatops/chat-reply.js";
import type { ChatPlace } from "../chatops/reply-place.js";
import type { CardActionResult } from "../card-actions/card-press.js";
import { cardVerbs } from "../card-actions/card-verbs.js";
import { recordVisitor } from "./record-visitor.js";
import type { Store } from "../store/open-store.js";
import { uploadFile } from "./upload-file.js";
import { replyActivity } from "./reply-activity.js";
import { sendReply } from "./send-reply.js";
import { createRefusalAudit } from "./refusal-audit.js";
import { isFromTenant, tenantsOf } from "./tenant-of.js";

/**
 * What the bot does with each kind of activity; the Teams plumbing stays here, the decisions outside.
 * `locale` is the activity's (the language the person's Teams is in), which a reply follows.
 */
export interface BotHandlers {
  readonly message: (text: string, actorId: string | undefined, place: ChatPlace, locale: string | undefined) => Promise<ChatReply>;
  readonly cardAction: (
    verb: string,
    data: Record<string, unknown>,
    actorId: string | undefined,
    locale: string | undefined,
  ) => Promise<CardActionResult>;
  readonly welcome: (actorId: string, name: string, locale: string | undefined) => Promise<AdaptiveCard>;
  /** The file an accepted consent card stands for, regenerated for the person who accepted it. */
  readonly acceptedFile: (actorId: string | undefined, name: string, locale: string | undefined) => Promise<Buffer | undefined>;
  /** What to say when someone declines a file consent card. */
  readonly declinedFile: (actorId: string | undefined, locale: string | undefined) => Promise<string>;
}

export interface BotAppOptions {
  readonly adapter: TeamsAdapter;
  readonly botAppId: string;
  readonly store: Store;
  readonly log: Logger;
  readonly now: () => number;
  /** The organisation's tenant: activities from any other are refused. Undefined in local mode. */
  readonly tenantId: string | undefined;
  readonly handlers: BotHandlers;
}

/** A teams-ai Application routing Teams activities to the bot's handlers. */
export function createBotApp(options: BotAppOptions): Application {
  const { store, log, handlers } = options;
  const app = new Application({
    adapter: options.adapter,
    botAppId: options.botAppId,
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  const refusals = createRefusalAudit({ store, log, now: options.now });

  // Every turn: refuse other tenants, then remember what Teams tells us about the person.
  app.turn("beforeTurn", async (context: TurnContext, _state: TurnState) => {
    if (options.tenantId && !isFromTenant(context.activity, options.tenantId)) {
      const tenants = tenantsOf(context.activity);
      log.debug({ ...tenants, type: context.activity.type }, "activity from another tenant refused");
      await refusals.record({
        actorKind: "user",
        ...(context.activity.from.aadObjectId ? { actorId: context.activity.from.aadObjectId.slice(0, 64) } : {}),
        action: "activity.refused",
        detail: { reason: "tenant", type: context.activity.type.slice(0, 64), ...tenants },
      });
      if (context.activity.type === "invoke") await context.sendActivity({ type: "invokeResponse", value: { status: 403 } });
      return false;
    }
    await recordVisitor(store, context.activity, new Date(options.now()));
    return true;
  });

  // Every verb of the one table; what each does, and who may press it, is decided in card-actions.
  for (const verb of Object.keys(cardVerbs)) {
    app.adaptiveCards.actionExecute(verb, async (context: TurnContext, _state: TurnState, data: Record<string, unknown>) => {
      const result = await handlers.cardAction(verb, data, context.activity.from.aadObjectId, context.activity.locale);
      return "card" in result ? result.card : result.message;
    });
  }

  app.conversationUpdate("membersAdded", async (context: TurnContext) => {
    const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
    const actor = context.activity.from.aadObjectId;
    if (botAdded && actor && context.activity.conversation.conversationType === "personal") {
      const card = await handlers.welcome(actor, context.activity.from.name, context.activity.locale);
      await sendReply(context, replyActivity({ kind: "card", card }));
    }
  });

  app.activity("message", async (context: TurnContext) => {
    const { conversation } = context.activity;
    const place = { personal: conversation.conversationType === "personal", conversationId: conversation.id };
    const reply = await handlers.message(context.activity.text ?? "", context.activity.from.aadObjectId, place, context.activity.locale);
    await sendReply(context, replyActivity(reply));
  });

  app.fileConsentAccept(async (context: TurnContext, _state: TurnState, response: FileConsentCardResponse) => {
    const upload = response.uploadInfo;
    const content = upload?.name
      ? await handlers.acceptedFile(context.activity.from.aadObjectId, upload.name, context.activity.locale)
      : undefined;
    if (!upload?.uploadUrl || !content) return;
    await uploadFile(upload.uploadUrl, content);
    await sendReply(context, {
      attachments: [
        {
          contentType: "application/vnd.microsoft.teams.card.file.info",
          contentUrl: upload.contentUrl,
          name: upload.name,
          content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
        },
      ],
    });
  });

  // Without this, declining answers 501: teams-ai routes fileConsent/invoke "decline" to no one.
  app.fileConsentDecline(async (context: TurnContext) => {
    await context.sendActivity({ text: await handlers.declinedFile(context.activity.from.aadObjectId, context.activity.locale) });
  });

  app.error(async (context: TurnContext, error: Error) => {
    log.error({ err: error, type: context.activity.type }, "turn failed");
    return Promise.resolve();
  });
  return app;
}
