import { startBotServer, type BotServer, type Health, type Readiness } from "../teams/bot-server.js";
import type { Bot } from "./open-bot.js";
import type { Runtime } from "./open-runtime.js";

/** The assembled bot behind its HTTP edge: every turn goes to the teams-ai application. */
export function serveBot(
  bot: Bot,
  runtime: Runtime,
  options: { host: string; port: number; health?: () => Promise<Health>; ready?: () => Promise<Readiness> },
): Promise<BotServer> {
  return startBotServer({
    adapter: bot.adapter,
    onTurn: async (context) => {
      await bot.app.run(context);
    },
    host: options.host,
    port: options.port,
    // Without bot credentials nobody can be authenticated: the server answers this machine only.
    local: runtime.config.teams.bot === undefined,
    log: runtime.log,
    health: options.health ?? (() => Promise.resolve({ status: "ok", lastRun: null })),
    ...(options.ready ? { ready: options.ready } : {}),
  });
}
