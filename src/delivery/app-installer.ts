import { isAppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { GraphClient } from "../graph/client/graph-client.js";
import { installAppForUser } from "../graph/installed-apps.js";

export type InstallResult = "installed" | "alreadyInstalled" | "blocked";

export interface AppInstaller {
  installFor(userId: string): Promise<InstallResult>;
}

/**
 * Installs the bot for a person through Graph so it may message them (proactive install).
 * 409 means it was installed already; 403 means a Teams app permission policy blocks it.
 */
export function createAppInstaller(graph: GraphClient, catalogAppId: string): AppInstaller {
  return {
    async installFor(userId) {
      try {
        await installAppForUser(graph, userId, catalogAppId);
        return "installed";
      } catch (error) {
        if (isAppError(error, ErrorCode.GraphConflict)) return "alreadyInstalled";
        if (isAppError(error, ErrorCode.GraphForbidden)) return "blocked";
        throw error;
      }
    },
  };
}
