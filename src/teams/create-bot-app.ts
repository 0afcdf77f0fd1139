import { Application } from "@microsoft/teams-ai";
import { MemoryStorage, type TurnContext } from "botbuilder";
import type { Logger } from "pino";
import type { TeamsAdapter , TurnState } from "@microsoft/teams-ai";
import { answerCardAction, type CardActionDeps } from "../conversations/answer-card-action.js";
import { recordVisitor } from "../conversations/record-visitor.js";
import type { Store } from "../store/open-store.js";

export interface BotAppOptions {
  readonly adapter: TeamsAdapter;
  readonly botAppId: string;
  readonly store: Store;
  readonly log: Logger;
  readonly now: () => number;
  /** The organisation's tenant: activities from any other are refused. Undefined in local mode. */
  readonly tenantId: string | undefined;
  readonly cardActions: Omit<CardActionDeps, "store" | "log" | "now">;
  /** Handles a message (the admin commands); without it, a short note is sent back. */
  readonly onMessage?: (context: TurnContext) => Promise<void>;
  /** Welcomes someone the bot was just installed for. */
  readonly onInstalled?: (context: TurnContext) => Promise<void>;
}

/** A teams-ai Application routing Teams activities to the bot's handlers. */
export function createBotApp(options: BotAppOptions): Application {
  const { store, log } = options;
  const app = new Application({
    adapter: options.adapter,
    botAppId: options.botAppId,
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  // Every turn: refuse other tenants, then remember what Teams tells us about the person.
  app.turn("beforeTurn", async (context: TurnContext, _state: TurnState) => {
    const tenant = tenantOf(context);
    if (options.tenantId && tenant !== options.tenantId) {
      log.warn({ tenant, type: context.activity.type }, "activity from another tenant refused");
      if (context.activity.type === "invoke") await context.sendActivity({ type: "invokeResponse", value: { status: 403 } });
      return false;
    }
    await recordVisitor(store, context.activity, new Date(options.now()));
    return true;
  });

  for (const verb of ["done", "snooze", "help", "noSmartphone"]) {
    app.adaptiveCards.actionExecute(verb, async (context: TurnContext, _state: TurnState, data: Record<string, unknown>) => {
      const result = await answerCardAction(
        { verb, data, actorId: context.activity.from.aadObjectId },
        { ...options.cardActions, store, log, now: options.now },
      );
      return "card" in result ? (result.card) : result.message;
    });
  }

  app.conversationUpdate("membersAdded", async (context: TurnContext) => {
    const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
    if (botAdded && options.onInstalled) await options.onInstalled(context);
  });

  app.activity("message", async (context: TurnContext) => {
    if (options.onMessage) await options.onMessage(context);
    else await context.sendActivity("I send reminders about setting up your second sign-in method. There is nothing to ask me yet.");
  });

  app.error(async (context: TurnContext, error: Error) => {
    log.error({ err: error, type: context.activity.type }, "turn failed");
    return Promise.resolve();
  });
  return app;
}

function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return context.activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

