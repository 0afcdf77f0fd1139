import type { logLevels } from "./env-schema.js";

export type GraphAuth =
  | { readonly kind: "token"; readonly token: string }
  | { readonly kind: "secret"; readonly tenantId: string; readonly clientId: string; readonly clientSecret: string }
  | { readonly kind: "certificate"; readonly tenantId: string; readonly clientId: string; readonly certificatePath: string }
  | { readonly kind: "managedIdentity"; readonly clientId: string | undefined }
  | { readonly kind: "none" };

export interface BotSettings {
  readonly appId: string;
  readonly password: string;
  readonly tenantId: string;
  readonly appType: "SingleTenant" | "MultiTenant";
  /** Where the keys that sign inbound tokens are published; undefined: the Bot Framework's own. */
  readonly openIdMetadataUrl: string | undefined;
}

export type DatabaseTarget = { readonly kind: "sqlite"; readonly path: string } | { readonly kind: "postgres"; readonly url: string };

/** The program's settings, read once from the environment, validated and frozen. */
export interface Config {
  readonly graph: {
    readonly baseUrl: string;
    readonly auth: GraphAuth;
    readonly tenantId: string | undefined;
    /** AZURE_CLIENT_ID, also when a ready token is used: the Teams manifest's webApplicationInfo.id must match it. */
    readonly clientId: string | undefined;
    readonly reportsPace: { readonly limit: number; readonly windowMs: number };
    /** How long one request may take before it is given up (and retried). */
    readonly timeoutMs: number;
  };
  /** How often each source is read in full; in between, only what may have changed. */
  readonly sync: { readonly fullReportEveryMs: number; readonly fullDirectoryEveryMs: number };
  readonly database: DatabaseTarget;
  readonly campaignFile: string;
  readonly teams: {
    readonly serviceUrl: string;
    /** The manifest's id. */
    readonly appId: string | undefined;
    /** The app's id in the organisation's catalog, for installs; when unset it is looked up by the manifest's id. */
    readonly catalogAppId: string | undefined;
    /** Undefined: local mode, no Bot Framework authentication in either direction. */
    readonly bot: BotSettings | undefined;
    readonly tenantId: string | undefined;
    readonly pace: { readonly limit: number; readonly windowMs: number };
    /** How long one request to the Bot Connector may take before it is given up (and retried). */
    readonly timeoutMs: number;
    /** The Entra ID sign-in host `doctor` asks for a Bot Framework token. */
    readonly loginUrl: string;
    /** The app package `doctor` reads; undefined: out/mfa-nudge-teams-app.zip in the project. */
    readonly appPackagePath: string | undefined;
  };
  readonly server: { readonly port: number; readonly host: string | undefined; readonly shutdownGraceMs: number };
  readonly admins: { readonly groupId: string | undefined; readonly userIds: readonly string[] };
  readonly logLevel: (typeof logLevels)[number] | undefined;
}
