import type { Application, TeamsAdapter } from "@microsoft/teams-ai";
import type { CampaignPolicy } from "../campaign/policy.js";
import { renderOutboxMessage } from "../conversations/render-outbox-message.js";
import { readLiveMethods } from "../conversations/read-live-methods.js";
import { createAppInstaller, type AppInstaller } from "../delivery/app-installer.js";
import type { DrainOptions } from "../delivery/drain-outbox.js";
import type { TeamsMessenger } from "../delivery/teams-messenger.js";
import { cardAttachment } from "../cards/render-card.js";
import { createBotApp } from "../teams/create-bot-app.js";
import { createTeamsAdapter } from "../teams/create-teams-adapter.js";
import { PacedHttpClient } from "../teams/paced-http-client.js";
import { createProactiveMessenger } from "../teams/proactive-messenger.js";
import { SlidingWindow } from "../time/sliding-window.js";
import type { Runtime } from "./open-runtime.js";

export interface Bot {
  readonly adapter: TeamsAdapter;
  readonly app: Application;
  readonly messenger: TeamsMessenger;
  readonly installer: AppInstaller | undefined;
  /** What drainOutbox needs beyond the store, clock and log. */
  readonly delivery: Omit<DrainOptions, "store" | "clock" | "log">;
}

/**
 * The Teams side, assembled: one adapter for both directions, one pace shared by every send, the
 * proactive messenger, the Graph installer, and the application that answers people.
 */
export function openBot(runtime: Runtime, policy: CampaignPolicy): Bot {
  const { config, clock, store, log } = runtime;
  const window = new SlidingWindow(config.teams.pace.limit, config.teams.pace.windowMs, clock);
  const adapter = createTeamsAdapter(config.teams.bot, new PacedHttpClient(window, () => clock.now()));
  const botAppId = config.teams.bot?.appId ?? "";
  const tenantId = config.teams.tenantId ?? "00000000-0000-0000-0000-000000000000";
  const messenger = createProactiveMessenger({ adapter, botAppId, serviceUrl: config.teams.serviceUrl, tenantId });
  const graph = runtime.graph();
  const installer = config.teams.catalogAppId ? createAppInstaller(graph, config.teams.catalogAppId, config.graph.baseUrl) : undefined;
  const helpdesk = policy.helpdesk.conversationId;
  const app = createBotApp({
    adapter,
    botAppId,
    store,
    log,
    now: () => clock.now(),
    tenantId: config.teams.tenantId,
    cardActions: {
      policy,
      liveMethods: (userId) => readLiveMethods(graph, userId),
      notifyHelpdesk: helpdesk
        ? async (card) => {
            await messenger.send({ conversationId: helpdesk, serviceUrl: config.teams.serviceUrl }, { type: "message", attachments: [cardAttachment(card)] });
          }
        : undefined,
    },
  });
  return {
    adapter,
    app,
    messenger,
    installer,
    delivery: { messenger, installer, render: (row) => renderOutboxMessage(store, policy, row, clock.now()) },
  };
}
