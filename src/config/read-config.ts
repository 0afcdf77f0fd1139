import type { ZodIssue } from "zod";
import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { BotSettings, Config, GraphAuth } from "./config.js";
import { envSchema, type Env } from "./env-schema.js";
import { defaultDatabaseUrl, parseDatabaseUrl } from "./parse-database-url.js";

/**
 * Reads and validates the environment once. Every problem is reported together, each naming its
 * variable, so an operator fixes them in one go. Throws AppError(ConfigInvalid) (exit status 2).
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error.issues.map(describeIssue));
  const e = parsed.data;

  const problems: string[] = [];
  const auth = chooseGraphAuth(e, problems);
  const database = parseDatabaseUrl(e.DATABASE_URL ?? defaultDatabaseUrl);
  if (!database) {
    problems.push("DATABASE_URL: expected postgres://user@host:5432/db, sqlite:./path/file.sqlite or a file path");
  }
  const bot = chooseBot(e, problems);
  if (problems.length > 0 || !database) throw configError(problems);

  return deepFreeze({
    graph: {
      baseUrl: e.GRAPH_BASE_URL,
      auth,
      tenantId: e.AZURE_TENANT_ID,
      clientId: e.AZURE_CLIENT_ID,
      reportsPace: e.GRAPH_REPORTS_PACE,
      timeoutMs: e.GRAPH_TIMEOUT,
    },
    sync: { fullReportEveryMs: e.FULL_REPORT_READ_EVERY, fullDirectoryEveryMs: e.FULL_DIRECTORY_READ_EVERY },
    database,
    campaignFile: e.CAMPAIGN_FILE,
    teams: {
      serviceUrl: e.TEAMS_SERVICE_URL,
      appId: e.TEAMS_APP_ID,
      catalogAppId: e.TEAMS_CATALOG_APP_ID,
      bot,
      tenantId: e.BOT_TENANT_ID ?? e.AZURE_TENANT_ID,
      pace: e.TEAMS_PACE,
      timeoutMs: e.TEAMS_TIMEOUT,
      loginUrl: e.BOT_LOGIN_URL,
      appPackagePath: e.TEAMS_APP_PACKAGE,
    },
    server: { port: e.PORT, host: e.HOST, shutdownGraceMs: e.SHUTDOWN_GRACE },
    admins: { groupId: e.ADMIN_GROUP_ID, userIds: e.ADMIN_USER_IDS },
    logLevel: e.LOG_LEVEL as Config["logLevel"],
  });
}

/** Follows @azure/identity's conventions: a secret, else a certificate, else a managed identity. */
function chooseGraphAuth(e: Env, problems: string[]): GraphAuth {
  if (e.GRAPH_ACCESS_TOKEN) return { kind: "token", token: e.GRAPH_ACCESS_TOKEN };
  const wantsApp = e.AZURE_CLIENT_SECRET !== undefined || e.AZURE_CLIENT_CERTIFICATE_PATH !== undefined;
  if (wantsApp) {
    if (!e.AZURE_TENANT_ID) problems.push("AZURE_TENANT_ID: required with a client secret or certificate (the Directory (tenant) ID)");
    if (!e.AZURE_CLIENT_ID) problems.push("AZURE_CLIENT_ID: required with a client secret or certificate (the Application (client) ID)");
    if (!e.AZURE_TENANT_ID || !e.AZURE_CLIENT_ID) return { kind: "none" };
    if (e.AZURE_CLIENT_SECRET) {
      return { kind: "secret", tenantId: e.AZURE_TENANT_ID, clientId: e.AZURE_CLIENT_ID, clientSecret: e.AZURE_CLIENT_SECRET };
    }
    return {
      kind: "certificate",
      tenantId: e.AZURE_TENANT_ID,
      clientId: e.AZURE_CLIENT_ID,
      certificatePath: e.AZURE_CLIENT_CERTIFICATE_PATH ?? "",
    };
  }
  if (e.AZURE_CLIENT_ID || e.IDENTITY_ENDPOINT || e.MSI_ENDPOINT) {
    return { kind: "managedIdentity", clientId: e.AZURE_CLIENT_ID };
  }
  return { kind: "none" };
}

/** The bot's credentials come as a pair; one without the other is a mistake worth stopping for. */
function chooseBot(e: Env, problems: string[]): BotSettings | undefined {
  if (!e.BOT_ID && !e.BOT_PASSWORD) return undefined;
  if (!e.BOT_ID) problems.push("BOT_ID: required with BOT_PASSWORD (the bot's Microsoft App ID)");
  if (!e.BOT_PASSWORD) problems.push("BOT_PASSWORD: required with BOT_ID (a client secret of the bot's app registration)");
  const tenantId = e.BOT_TENANT_ID ?? e.AZURE_TENANT_ID;
  if (!tenantId && e.BOT_APP_TYPE === "SingleTenant")
    problems.push("BOT_TENANT_ID: required for a single-tenant bot (or set AZURE_TENANT_ID)");
  if (!e.BOT_ID || !e.BOT_PASSWORD) return undefined;
  return {
    appId: e.BOT_ID,
    password: e.BOT_PASSWORD,
    tenantId: tenantId ?? "",
    appType: e.BOT_APP_TYPE,
    openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
  };
}

function describeIssue(issue: ZodIssue): string {
  const variable = issue.path.join(".") || "environment";
  return `${variable}: ${issue.message}`;
}

function configError(problems: string[]): AppError {
  return new AppError(ErrorCode.ConfigInvalid, `Configuration is invalid:\n  ${problems.join("\n  ")}`, {
    details: { problems },
    hint: "Fix the variables named above (env.sample documents each one) and start again.",
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
