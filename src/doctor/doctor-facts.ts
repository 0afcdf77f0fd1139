import type { GraphAuth } from "../config/config.js";
import type { CatalogApp } from "../graph/app-catalog.js";
import type { ConditionalAccessPolicy } from "../graph/policies.js";
import type { Probe } from "./probe.js";

/**
 * Everything `doctor` found out, gathered first (gather-doctor-facts.ts) so that each check is a
 * pure judgement of these facts, tested with tables.
 */
export interface DoctorFacts {
  readonly graphAuth: GraphAuth["kind"];
  /** AZURE_CLIENT_ID, the app that calls Graph. */
  readonly clientId: string | undefined;
  /** Whether a Graph token was obtained and accepted (judged by the first call). */
  readonly token: Probe<true>;
  readonly permissions: readonly PermissionFact[];
  readonly teamsApp: TeamsAppFacts;
  /** Undefined without BOT_ID and BOT_PASSWORD (local mode). */
  readonly bot: BotFact | undefined;
  readonly appPackage: AppPackageFact;
  readonly campaign: { readonly groups: readonly DirectoryLookup[]; readonly users: readonly DirectoryLookup[] };
  readonly enforcement: EnforcementFacts;
}

export interface PermissionFact {
  readonly permission: string;
  readonly optional: boolean;
  /** The request that probed it, e.g. "GET /groups?$top=1&$select=id". */
  readonly request: string;
  readonly outcome: Probe<unknown>;
}

export interface TeamsAppFacts {
  /** TEAMS_APP_ID, the manifest's id. */
  readonly manifestId: string | undefined;
  /** The id installs use: TEAMS_CATALOG_APP_ID, or TEAMS_APP_ID when it is not set. */
  readonly catalogAppId: string | undefined;
  readonly found: Probe<CatalogApp | undefined>;
}

export interface BotFact {
  readonly appId: string;
  /** The token endpoint asked. */
  readonly endpoint: string;
  readonly outcome: Probe<true>;
}

export interface AppPackageFact {
  readonly path: string;
  /** notFound: nothing packaged there yet. */
  readonly manifest: Probe<{ readonly id: string | null; readonly webApplicationInfoId: string | null }>;
}

/** A group or account the configuration names, looked up in the directory. */
export interface DirectoryLookup {
  /** Where it is named: a campaign key path ("exclude.users[0]") or a variable ("ADMIN_GROUP_ID"). */
  readonly source: string;
  /** The id or UPN as written. */
  readonly key: string;
  readonly outcome: Probe<{ readonly id: string; readonly name: string }>;
}

export interface EnforcementFacts {
  readonly securityDefaults: Probe<boolean>;
  readonly policies: Probe<readonly ConditionalAccessPolicy[]>;
  readonly registrationCampaign: Probe<string>;
  /** The accounts the campaign excludes by name (exclude.users): the break-glass accounts. */
  readonly breakGlass: readonly BreakGlassAccount[];
}

export interface BreakGlassAccount {
  readonly userPrincipalName: string;
  /** Undefined when the account could not be found. */
  readonly id: string | undefined;
  /** The groups it belongs to (transitively), for policies that include or exclude groups. */
  readonly groupIds: Probe<readonly string[]>;
}
