import { existsSync } from "node:fs";
import { z } from "zod";
import { isSecureOrLoopback } from "./is-loopback-host.js";

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An unset variable and an empty one mean the same: .env files and CI often leave `X=` behind. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const optionalGuid = (what: string) =>
  optionalText.refine((v) => v === undefined || guid.test(v), {
    message: `expected ${what}, a GUID like 00000000-0000-0000-0000-000000000000`,
  });

/*
 * Tokens travel to these URLs (Graph's, the Bot Connector's), so they must be https; plain http is
 * accepted only for this machine, where the simulated services run and nothing on the wire sees it.
 */
const serviceUrl = (fallback: string, example: string) =>
  optionalText
    .transform((v) => v ?? fallback)
    .refine((v) => /^https?:\/\/[^/\s]+/i.test(v) && URL.canParse(v), { message: `expected an http(s) URL such as ${example}` })
    .refine((v) => !URL.canParse(v) || isSecureOrLoopback(v), {
      message: "expected https: plain http is accepted only for a loopback address (127.0.0.1, ::1, localhost)",
    })
    .transform((v) => v.replace(/\/+$/, ""));

/** "5/10s" means at most 5 requests in any 10-second window. */
const pace = (fallback: string) =>
  optionalText
    .transform((v) => v ?? fallback)
    .refine((v) => /^\d+\/\d+(ms|s)$/.test(v), { message: 'expected requests per window, like "5/10s" or "50/1s"' })
    .transform((v) => {
      const [count, window] = v.split("/") as [string, string];
      const windowMs = window.endsWith("ms") ? Number(window.slice(0, -2)) : Number(window.slice(0, -1)) * 1000;
      return { limit: Number(count), windowMs };
    })
    .refine((p) => p.limit > 0 && p.windowMs > 0, { message: "expected a positive count and window" });

/** "30s" or "500ms": how long to wait for an answer. */
const duration = (fallback: string) =>
  optionalText
    .transform((v) => v ?? fallback)
    .refine((v) => /^\d+(ms|s)$/.test(v), { message: 'expected a duration, like "30s" or "500ms"' })
    .transform((v) => (v.endsWith("ms") ? Number(v.slice(0, -2)) : Number(v.slice(0, -1)) * 1000))
    .refine((ms) => ms > 0, { message: "expected a positive duration" });

/** "1d", "12h", "30m", "90s" or "0" (every time): how often something is done in full. */
const interval = (fallback: string) =>
  optionalText
    .transform((v) => v ?? fallback)
    .refine((v) => /^(0|\d+(ms|s|m|h|d))$/.test(v), { message: 'expected an interval, like "1d", "12h", "30m" or 0 (every time)' })
    .transform((v) => {
      const unit = /(ms|s|m|h|d)$/.exec(v)?.[1];
      const msPer = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
      return unit === undefined ? 0 : Number(v.slice(0, -unit.length)) * msPer[unit as keyof typeof msPer];
    });

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Every environment variable mfa-nudge reads. env.sample documents each one. */
export const envSchema = z.object({
  GRAPH_BASE_URL: serviceUrl("https://graph.microsoft.com", "https://graph.microsoft.com"),
  GRAPH_ACCESS_TOKEN: optionalText,
  AZURE_TENANT_ID: optionalGuid("the Directory (tenant) ID"),
  AZURE_CLIENT_ID: optionalGuid("the Application (client) ID"),
  AZURE_CLIENT_SECRET: optionalText,
  AZURE_CLIENT_CERTIFICATE_PATH: optionalText.refine((v) => v === undefined || existsSync(v), {
    message: "expected the path of a PEM file holding the certificate and its private key; no file is there",
  }),
  // Set by Azure App Service, Functions and Container Apps when a managed identity is assigned.
  IDENTITY_ENDPOINT: optionalText,
  MSI_ENDPOINT: optionalText,
  // Graph publishes 5 requests per 10 s per app per tenant for identity reports.
  GRAPH_REPORTS_PACE: pace("5/10s"),
  // The whole registration report at most this often; in between only the rows not yet registered.
  FULL_REPORT_READ_EVERY: interval("1d"),
  // The whole directory at least this often; in between /users/delta's changes (its links last 7 days).
  FULL_DIRECTORY_READ_EVERY: interval("7d"),
  // A report page of 999 rows can take Graph a while; past this a request is given up and retried.
  GRAPH_TIMEOUT: duration("60s"),
  DATABASE_URL: optionalText,
  CAMPAIGN_FILE: optionalText.transform((v) => v ?? "campaign.yaml"),
  // Teams
  TEAMS_SERVICE_URL: serviceUrl("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/").transform(
    (v) => `${v}/`,
  ),
  TEAMS_APP_ID: optionalGuid("the Teams app's id (the manifest's id)"),
  TEAMS_CATALOG_APP_ID: optionalGuid("the app's id in your organisation's app catalog"),
  BOT_ID: optionalGuid("the bot's Microsoft App ID"),
  BOT_PASSWORD: optionalText,
  BOT_TENANT_ID: optionalGuid("the bot app registration's tenant id"),
  // Where the Bot Framework publishes the keys that sign Teams' requests; botbuilder's default when unset.
  BOT_OPENID_METADATA_URL: optionalText.refine((v) => v === undefined || isSecureOrLoopback(v), {
    message:
      "expected an https URL (plain http only for a loopback address), like https://login.botframework.com/v1/.well-known/openidconfiguration",
  }),
  BOT_APP_TYPE: optionalText
    .transform((v) => v ?? "SingleTenant")
    .refine((v) => v === "SingleTenant" || v === "MultiTenant", { message: "expected SingleTenant or MultiTenant" }),
  // Teams allows 50 requests per second per bot per tenant.
  TEAMS_PACE: pace("50/1s"),
  // A send to Teams takes well under a second; past this it is given up and retried.
  TEAMS_TIMEOUT: duration("30s"),
  // Where `doctor` asks Entra ID for a Bot Framework token with BOT_ID and BOT_PASSWORD.
  BOT_LOGIN_URL: serviceUrl("https://login.microsoftonline.com", "https://login.microsoftonline.com"),
  // The app package `doctor` reads webApplicationInfo from; default out/mfa-nudge-teams-app.zip.
  TEAMS_APP_PACKAGE: optionalText,
  PORT: optionalText
    .transform((v) => v ?? "3978")
    .refine((v) => /^\d+$/.test(v) && Number(v) < 65536, { message: "expected a TCP port number" })
    .transform(Number),
  HOST: optionalText,
  // On SIGTERM, how long `start` lets its sends under way finish before it hands back the rest and exits.
  SHUTDOWN_GRACE: duration("20s"),
  // Who may use the admin commands.
  ADMIN_GROUP_ID: optionalGuid("the object id of the group whose members are the bot's admins"),
  ADMIN_USER_IDS: optionalText
    .transform((v) => (v ? v.split(/[\s,;]+/).filter(Boolean) : []))
    .refine((ids) => ids.every((id) => guid.test(id)), { message: "expected Entra object ids (GUIDs) separated by commas" }),
  LOG_LEVEL: optionalText.refine((v) => v === undefined || (logLevels as readonly string[]).includes(v), {
    message: `expected one of ${logLevels.join(", ")}`,
  }),
});

export type Env = z.infer<typeof envSchema>;
