import { isAppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { GraphClient } from "../directory/graph/graph-client.js";

export type InstallResult = "installed" | "alreadyInstalled" | "blocked";

export interface AppInstaller {
  installFor(userId: string): Promise<InstallResult>;
}

/**
 * Installs the bot for a person through Graph so it may message them (proactive install).
 * 409 means it was installed already; 403 means a Teams app permission policy blocks it.
 */
export function createAppInstaller(graph: GraphClient, catalogAppId: string, graphBaseUrl: string): AppInstaller {
  const bind = `${graphBaseUrl.replace(/\/$/, "")}/v1.0/appCatalogs/teamsApps/${catalogAppId}`;
  return {
    async installFor(userId) {
      try {
        await graph.post(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`, { "teamsApp@odata.bind": bind });
        return "installed";
      } catch (error) {
        if (isAppError(error, ErrorCode.GraphConflict)) return "alreadyInstalled";
        if (isAppError(error, ErrorCode.GraphForbidden)) return "blocked";
        throw error;
      }
    },
  };
}
