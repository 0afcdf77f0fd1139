import { readCampaign } from "../../src/config/read-campaign.js";
import { openBot } from "../../src/app/open-bot.js";
import { openRuntime, type Runtime } from "../../src/app/open-runtime.js";
import { serveBot } from "../../src/app/serve-bot.js";
import type { BotServer } from "../../src/teams/bot-server.js";
import { chooseListenHost } from "../../src/teams/choose-listen-host.js";
import type { Clock } from "../../src/time/clock.js";

export interface RunningBot {
  readonly runtime: Runtime;
  readonly server: BotServer;
  /** Resolves once what buttons and commands started in the background (sends, card updates) is done. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The bot as `mfa-nudge start` assembles it (without the schedule), on a free loopback port; `clock` defaults to the system's. */
export async function startBot(env: Record<string, string>, options: { clock?: Clock } = {}): Promise<RunningBot> {
  const runtime = await openRuntime({
    env: { LOG_LEVEL: "silent", ...env },
    defaultLogLevel: "silent",
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const bot = openBot(runtime, readCampaign(runtime.config.campaignFile));
  const server = await serveBot(bot, runtime, { host: chooseListenHost(runtime.config).host, port: 0 });
  return {
    runtime,
    server,
    idle: () => bot.idle(),
    close: async () => {
      await server.close();
      await runtime.close();
    },
  };
}
