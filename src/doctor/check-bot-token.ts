import { checkResult, type CheckResult } from "./check-result.js";
import type { DoctorFacts } from "./doctor-facts.js";

const CHECK = "teams.botToken";

/** Can the bot's own credentials get a Bot Framework token? Without one it can neither send nor be trusted by Teams. */
export function checkBotToken(facts: DoctorFacts): CheckResult {
  const bot = facts.bot;
  if (bot === undefined) {
    return checkResult(
      CHECK,
      "warn",
      "BOT_ID and BOT_PASSWORD are not set: the bot runs in local mode, which Teams cannot reach.",
      "Set BOT_ID, BOT_PASSWORD and BOT_TENANT_ID from the Azure Bot resource's app registration.",
    );
  }
  if (bot.outcome.ok) return checkResult(CHECK, "ok", `${bot.endpoint} issued a Bot Framework token to BOT_ID ${bot.appId}.`);
  const { kind, message, hint } = bot.outcome.failure;
  if (kind !== "rejectedToken") {
    return checkResult(
      CHECK,
      "fail",
      `Could not reach ${bot.endpoint}: ${message}`,
      hint ?? "Check BOT_LOGIN_URL and this host's network.",
    );
  }
  return checkResult(
    CHECK,
    "fail",
    `${bot.endpoint} refused BOT_ID ${bot.appId}: ${message}`,
    hint ?? "Check BOT_ID, BOT_PASSWORD and BOT_TENANT_ID against the bot's app registration.",
  );
}
