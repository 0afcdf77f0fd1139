import { AppError, isAppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { GraphClient } from "../graph/client/graph-client.js";
import { findInstallation, installAppForUser, readInstallationChatId } from "../graph/installed-apps.js";
import type { Clock } from "../time/clock.js";

export type InstallResult =
  | { readonly outcome: "installed" | "alreadyInstalled" }
  /** A Teams app permission policy keeps the app from them; `code` is Graph's own. */
  | { readonly outcome: "blocked"; readonly code: string }
  /** They are no longer in the directory. */
  | { readonly outcome: "userGone"; readonly code: string };

export interface AppInstaller {
  installFor(userId: string): Promise<InstallResult>;
  /** The bot's 1:1 chat with them, once Teams has opened it after the install; undefined until then. */
  chatWith(userId: string): Promise<string | undefined>;
}

/** Errors that say the setup is wrong, not the person: every install would fail the same way. */
const setupErrors = new Set([
  ErrorCode.GraphPermissionMissing,
  ErrorCode.TeamsAppNotInCatalog,
  ErrorCode.GraphUnauthorized,
  ErrorCode.GraphCredentialRejected,
  ErrorCode.GraphCredentialsMissing,
]);

export function isSetupError(error: unknown): error is AppError {
  return isAppError(error) && setupErrors.has(error.code);
}

/**
 * Installs the bot for a person through Graph so it may message them (proactive install). 409 means
 * it was installed already; 403 Forbidden is an app permission policy, unless Graph says a permission
 * is missing; 404 on the app is a catalog id this tenant does not have. A setup error is thrown, and
 * the installer then stops calling Graph for `pauseAfterSetupErrorMs`, throwing the same error: one
 * wrong setting must not become thousands of refused requests.
 */
export function createAppInstaller(
  graph: GraphClient,
  catalogAppId: string,
  clock: Clock,
  pauseAfterSetupErrorMs = 15 * 60_000,
): AppInstaller {
  let broken: { error: AppError; until: number } | undefined;
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    if (broken && clock.now() < broken.until) throw broken.error;
    try {
      return await work();
    } catch (error) {
      const setup = isSetupError(error) ? error : wrongCatalogId(error, catalogAppId);
      if (setup) {
        broken = { error: setup, until: clock.now() + pauseAfterSetupErrorMs };
        throw setup;
      }
      throw error;
    }
  };

  return {
    installFor: (userId) =>
      guard(async () => {
        try {
          await installAppForUser(graph, userId, catalogAppId);
          return { outcome: "installed" } as const;
        } catch (error) {
          if (isAppError(error, ErrorCode.GraphConflict)) return { outcome: "alreadyInstalled" } as const;
          if (isAppError(error, ErrorCode.GraphForbidden)) return { outcome: "blocked", code: graphCodeOf(error) } as const;
          if (isAppError(error, ErrorCode.GraphNotFound) && graphCodeOf(error) === "Request_ResourceNotFound") {
            return { outcome: "userGone", code: "Request_ResourceNotFound" } as const;
          }
          throw error;
        }
      }),
    chatWith: (userId) =>
      guard(async () => {
        const installation = await findInstallation(graph, userId, catalogAppId);
        if (!installation) return undefined;
        try {
          return await readInstallationChatId(graph, userId, installation);
        } catch (error) {
          // The installation exists but Teams has not opened its chat yet.
          if (isAppError(error, ErrorCode.GraphNotFound)) return undefined;
          throw error;
        }
      }),
  };
}

function graphCodeOf(error: AppError): string {
  const { graphCode, status } = error.details;
  if (typeof graphCode === "string" && graphCode !== "") return graphCode;
  return typeof status === "number" ? String(status) : "";
}

/** A 404 that is about the app, not the person: the catalog id is wrong for this tenant. */
function wrongCatalogId(error: unknown, catalogAppId: string): AppError | undefined {
  if (!isAppError(error, ErrorCode.GraphNotFound) || graphCodeOf(error) === "Request_ResourceNotFound") return undefined;
  const { path } = error.details;
  if (typeof path !== "string" || !/\/teamwork\/installedApps$/.test(path)) return undefined;
  return new AppError(ErrorCode.TeamsAppNotInCatalog, `Graph found no Teams app with the catalog id ${catalogAppId} to install.`, {
    cause: error,
    details: { catalogAppId },
    hint:
      "Check the App ID of MFA Nudge in the Teams admin center (Teams apps > Manage apps). Set TEAMS_CATALOG_APP_ID to it, " +
      "or leave TEAMS_CATALOG_APP_ID unset so the bot looks it up by TEAMS_APP_ID (needs AppCatalog.Read.All).",
  });
}
