import type { Config } from "../config/config.js";
import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";

const loopback = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * Without bot credentials the adapter cannot check who is calling, so the server listens only on
 * a loopback address, where only this machine can reach it; asking for any other address without
 * credentials is refused rather than quietly exposing an unauthenticated endpoint.
 */
export function chooseListenHost(config: Config): { host: string; local: boolean } {
  const asked = config.server.host;
  if (config.teams.bot) return { host: asked ?? "0.0.0.0", local: false };
  if (asked !== undefined && !loopback.has(asked)) {
    throw new AppError(ErrorCode.ConfigInvalid, `HOST: ${asked} is not a loopback address, and no bot credentials are set.`, {
      hint:
        "Without BOT_ID and BOT_PASSWORD the bot cannot authenticate Teams, so it listens only on 127.0.0.1. Set the " +
        "bot's credentials to listen on other addresses.",
    });
  }
  return { host: asked ?? "127.0.0.1", local: true };
}
