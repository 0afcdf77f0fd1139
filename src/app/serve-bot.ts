import { startBotServer, type BotServer } from "../teams/bot-server.js";
import type { Bot } from "./open-bot.js";
import type { Runtime } from "./open-runtime.js";

/** The assembled bot behind its HTTP edge: every turn goes to the teams-ai application. */
export function serveBot(
  bot: Bot,
  runtime: Runtime,
  options: { host: string; port: number; health?: () => Promise<Record<string, unknown>> },
): Promise<BotServer> {
  return startBotServer({
    adapter: bot.adapter,
    onTurn: async (context) => {
      await bot.app.run(context);
    },
    host: options.host,
    port: options.port,
    log: runtime.log,
    health: options.health ?? (() => Promise.resolve({})),
  });
}
