import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import { findCatalogApp } from "../graph/app-catalog.js";
import type { GraphClient } from "../graph/client/graph-client.js";

/**
 * The id installs must name: TEAMS_CATALOG_APP_ID when set, else the catalog's id for the manifest id
 * (TEAMS_APP_ID). For an app uploaded to the organisation's catalog the two differ, so guessing one
 * for the other would make every install fail with 404; when the lookup finds nothing the bot
 * refuses to start and says what to do. Undefined when neither is set: the bot then messages only
 * people who already have it.
 */
export async function resolveCatalogAppId(config: Config, graph: GraphClient, log: Logger): Promise<string | undefined> {
  const { appId, catalogAppId } = config.teams;
  if (catalogAppId) return catalogAppId;
  if (!appId) {
    log.warn("TEAMS_APP_ID is not set: the bot cannot install itself, so people who do not have it yet cannot be reminded");
    return undefined;
  }
  const app = await findCatalogApp(graph, appId);
  if (!app) {
    throw new AppError(
      ErrorCode.TeamsAppNotInCatalog,
      `No app with the manifest id ${appId} (TEAMS_APP_ID) is in your Teams app catalog.`,
      {
        details: { manifestId: appId },
        hint:
          "Upload out/mfa-nudge-teams-app.zip, built with this TEAMS_APP_ID, in the Teams admin center (Teams apps > Manage apps > " +
          "Upload new app). If it is uploaded under another manifest id, set TEAMS_APP_ID to that id, or TEAMS_CATALOG_APP_ID to " +
          "the App ID the admin center shows.",
      },
    );
  }
  log.info({ manifestId: appId, catalogAppId: app.id, distributionMethod: app.distributionMethod }, "Teams app found in the catalog");
  return app.id;
}
