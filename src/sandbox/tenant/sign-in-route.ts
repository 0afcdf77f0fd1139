import { randomUUID } from "node:crypto";
import type { GraphReply } from "./graph-route.js";
import type { TenantSetup } from "./tenant-setup.js";

/** POST /{tenant}/oauth2/v2.0/token, Entra ID's token endpoint, served beside Graph so `doctor` can check the bot's credentials. */
export const SIGN_IN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;

const BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default";

/**
 * The client credentials grant for the bot's app registration only (the one app this tenant knows
 * a secret for). Refusals carry Entra's error body: `error`, `error_description` opening with the
 * AADSTS code, and `error_codes` (learn.microsoft.com, "Microsoft identity platform and the OAuth 2.0
 * client credentials flow", error response).
 */
export function answerSignIn(body: string, setup: TenantSetup, nowMs: number): GraphReply {
  const form = new URLSearchParams(body);
  const refuse = (status: number, error: string, code: number, description: string): GraphReply => ({
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: {
      error,
      error_description:
        `AADSTS${code}: ${description}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ` +
        `${randomUUID()}\r\nTimestamp: ${new Date(nowMs).toISOString()}`,
      error_codes: [code],
      timestamp: new Date(nowMs)
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, "Z"),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  });
  if (form.get("grant_type") !== "client_credentials") {
    return refuse(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
  }
  if (form.get("client_id")?.toLowerCase() !== setup.bot.appId.toLowerCase()) {
    return refuse(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${form.get("client_id") ?? ""}' was not found in the directory.`,
    );
  }
  if (form.get("client_secret") !== setup.bot.secret) {
    return refuse(
      401,
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client ` +
        `secret ID, for a secret added to app '${setup.bot.appId}'.`,
    );
  }
  if (form.get("scope") !== BOT_FRAMEWORK_SCOPE) {
    return refuse(400, "invalid_scope", 1002012, `The provided value for scope ${form.get("scope") ?? ""} is not valid.`);
  }
  return {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: `sandbox.${randomUUID()}` },
  };
}
