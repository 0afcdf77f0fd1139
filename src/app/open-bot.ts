import type { BotAdapter, BotApplication } from "../teams/bot-sdk-types.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import { createAdminRoster } from "../chatops/admin-roster.js";
import { answerMessage } from "../chatops/answer-message.js";
import { answerAcceptedFile, answerDeclinedFile } from "../chatops/answer-file-consent.js";
import { welcomeCard } from "../chatops/welcome-card.js";
import { cardAttachment } from "../cards/render-card.js";
import { replaceSentCard, type SentMessage } from "../delivery/replace-sent-card.js";
import { answerCardAction } from "../card-actions/answer-card-action.js";
import { cacheLiveChecks } from "../card-actions/cache-live-checks.js";
import { meetsRequirement } from "../campaign/meets-requirement.js";
import { readLiveMethods } from "../graph/authentication-methods.js";
import { appPackagePath } from "../doctor/app-package-path.js";
import { runDoctor } from "../doctor/run-doctor.js";
import { renderOutboxMessage } from "../delivery/render-outbox-message.js";
import { createAppInstaller, type AppInstaller } from "../delivery/app-installer.js";
import { drainOutbox, type DrainOptions } from "../delivery/drain-outbox.js";
import type { TeamsMessenger } from "../delivery/teams-messenger.js";
import type { AdaptiveCard } from "../cards/adaptive-card.js";
import type { ChatReply } from "../chatops/chat-reply.js";
import { sendToPerson } from "../delivery/send-to-person.js";
import { createBotApp } from "../teams/create-bot-app.js";
import { replyActivity } from "../teams/reply-activity.js";
import { createTeamsAdapter } from "../teams/create-teams-adapter.js";
import { ConversationPace } from "../teams/conversation-pace.js";
import { PacedHttpClient } from "../teams/paced-http-client.js";
import { createProactiveMessenger } from "../teams/proactive-messenger.js";
import type { Runtime } from "./open-runtime.js";
import { shareDoctorRuns } from "./share-doctor-runs.js";

export interface Bot {
  readonly adapter: BotAdapter;
  readonly app: BotApplication;
  readonly messenger: TeamsMessenger;
  readonly installer: AppInstaller | undefined;
  /** What drainOutbox needs beyond the store, clock and log. */
  readonly delivery: Omit<DrainOptions, "store" | "clock" | "log">;
  /** Drains what is ready in the outbox now, after any drain this started before (a command's message, a helper's turn). */
  deliverSoon(): void;
  /** Shutting down: every drain stops claiming, hands back what it has not started, and lets its sends finish. */
  stopDelivering(): void;
  /** Resolves once any delivery or card update started by a command or a button has finished. */
  idle(): Promise<void>;
}

/**
 * The Teams side, assembled (with the app's catalog id as the start found it, for installs): one adapter for both
 * directions, one pace shared by every send, the proactive messenger, the Graph installer, and the application that
 * answers people and admins. Wiring only: what each answer says, and to whom, is decided in chatops/ and card-actions/.
 */
export function openBot(runtime: Runtime, policy: CampaignPolicy, catalogAppId = runtime.config.teams.catalogAppId): Bot {
  const { config, clock, store, log } = runtime;
  const httpClient = new PacedHttpClient(runtime.teamsPace, () => clock.now(), fetch, {
    timeoutMs: config.teams.timeoutMs,
    conversations: new ConversationPace(clock),
  });
  const adapter = createTeamsAdapter(config.teams.bot, httpClient);
  const botAppId = config.teams.bot?.appId ?? "";
  const tenantId = config.teams.tenantId ?? "00000000-0000-0000-0000-000000000000";
  const messenger = createProactiveMessenger({ adapter, botAppId, serviceUrl: config.teams.serviceUrl, tenantId });
  const graph = runtime.graph();
  const installer = catalogAppId ? createAppInstaller(graph, catalogAppId, clock) : undefined;
  const stopping = new AbortController();
  const delivery = {
    stop: stopping.signal,
    messenger,
    installer,
    serviceUrl: config.teams.serviceUrl,
    render: (row: Parameters<DrainOptions["render"]>[0], state: Parameters<DrainOptions["render"]>[1]) =>
      Promise.resolve(renderOutboxMessage(policy, config.teams.serviceUrl, row, state, clock.now())),
  };
  const roster = createAdminRoster({ graph, groupId: config.admins.groupId, userIds: config.admins.userIds, clock });

  // Commands and buttons that queue a message ask for it to go now, not at the next scheduled run.
  let draining: Promise<unknown> = Promise.resolve();
  let again = false;
  const deliverSoon = () => {
    again = true;
    draining = draining.then(async () => {
      while (again && !stopping.signal.aborted) {
        again = false;
        await drainOutbox({ ...delivery, store, clock, log, stopWhenIdle: true }).catch((error: unknown) =>
          log.error({ err: error }, "delivery failed"),
        );
      }
    });
  };

  // Work a button starts but need not finish before it is answered (replacing a card for everyone).
  let background: Promise<unknown> = Promise.resolve();
  const later = (work: () => Promise<void>) => {
    background = Promise.all([
      background,
      work().catch((error: unknown) => log.error({ err: error }, "follow-up of a card action failed")),
    ]);
  };

  const helpdesk = policy.helpdesk.conversationId;
  const cardActions = {
    policy,
    // One live Graph check per person at a time, its result kept a while: a hundred presses, one request.
    liveMethods: cacheLiveChecks((userId) => readLiveMethods(graph, userId), {
      now: () => clock.now(),
      isEnough: (live) => meetsRequirement(policy.requirement, false, live.methods),
    }),
    later,
    replaceCard: (message: SentMessage, card: AdaptiveCard) =>
      replaceSentCard({ store, messenger, serviceUrl: config.teams.serviceUrl }, message, card),
    notifyHelpdesk: helpdesk
      ? async (card: object) => {
          await messenger.send(
            { conversationId: helpdesk, serviceUrl: config.teams.serviceUrl },
            { type: "message", attachments: [cardAttachment(card as never)] },
          );
        }
      : undefined,
  };
  const doctor = shareDoctorRuns(
    () => runDoctor({ config, policy, graph, fetch: runtime.fetch, appPackagePath: appPackagePath(config) }, clock.now()),
    { store, clock, log },
  );
  // An answer that names people, asked for in a channel, goes to the asker's 1:1 chat instead.
  const replyPrivately = async (userId: string, reply: ChatReply) => {
    const outcome = await sendToPerson(
      { store, messenger, installer, serviceUrl: config.teams.serviceUrl },
      userId,
      replyActivity(reply),
      new Date(clock.now()),
    );
    if (outcome.result !== "sent") log.warn({ userId, outcome: outcome.result }, "private answer not delivered");
    return outcome.result === "sent";
  };

  const app = createBotApp({
    adapter,
    botAppId,
    store,
    log,
    now: () => clock.now(),
    tenantId: config.teams.tenantId,
    handlers: {
      message: (text, actorId, place, locale) =>
        answerMessage(text, actorId, place, { store, policy, clock, log, roster, deliverSoon, replyPrivately, runDoctor: doctor }, locale),
      cardAction: (verb, data, actorId, locale) =>
        answerCardAction({ verb, data, actorId, locale }, { ...cardActions, store, log, now: () => clock.now(), deliverSoon }),
      welcome: (actorId, name, locale) => welcomeCard(actorId, name, locale, { store, policy, roster }),
      acceptedFile: (actorId, _name, locale) => answerAcceptedFile(actorId, locale, { store, policy, roster }),
      declinedFile: (actorId, locale) => answerDeclinedFile(actorId, locale, store),
    },
  });
  return {
    adapter,
    app,
    messenger,
    installer,
    delivery,
    deliverSoon,
    stopDelivering: () => stopping.abort(),
    idle: async () => void (await Promise.all([draining, background])),
  };
}
