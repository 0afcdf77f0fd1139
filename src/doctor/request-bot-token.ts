import type { BotSettings } from "../config/config.js";
import { aadstsHint } from "../graph/client/credential-hints.js";
import type { BotFact } from "./doctor-facts.js";

// The audience of tokens the Bot Connector accepts (Bot Framework docs, "Authentication": bot to connector).
const BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default";
const TIMEOUT_MS = 15_000;

/**
 * Asks Entra ID for a Bot Framework token with the bot's own credentials (OAuth 2.0 client
 * credentials), as botbuilder does before its first send: a refusal names its AADSTS code.
 */
export async function requestBotToken(bot: BotSettings, loginUrl: string, fetchImpl: typeof fetch): Promise<BotFact> {
  // Multi-tenant bots sign in through the botframework.com tenant; single-tenant ones through their own.
  const authority = bot.appType === "MultiTenant" ? "botframework.com" : bot.tenantId;
  const endpoint = `${loginUrl}/${encodeURIComponent(authority)}/oauth2/v2.0/token`;
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: bot.appId,
    client_secret: bot.password,
    scope: BOT_FRAMEWORK_SCOPE,
  });
  const fact = (outcome: BotFact["outcome"]): BotFact => ({ appId: bot.appId, endpoint, outcome });
  let response: Response;
  try {
    response = await fetchImpl(endpoint, { method: "POST", body: form, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const message = `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause})` : ""}`;
    return fact({ ok: false, failure: { kind: "error", message, hint: "Check BOT_LOGIN_URL and that this host can reach it." } });
  }
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown; error_description?: unknown };
  if (response.ok && typeof body.access_token === "string") return fact({ ok: true, value: true });
  const description = typeof body.error_description === "string" ? (body.error_description.split(/\r?\n/)[0] ?? "") : "";
  const message = `${response.status} ${typeof body.error === "string" ? body.error : ""}${description ? `: ${description}` : ""}`.trim();
  const hint = aadstsHint(description, {
    tenantId: "BOT_TENANT_ID",
    clientId: "BOT_ID",
    secret: "BOT_PASSWORD",
    resource: "Bot Framework",
  });
  return fact({ ok: false, failure: { kind: "rejectedToken", message, hint } });
}
