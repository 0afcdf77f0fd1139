import { TeamsAdapter } from "@microsoft/teams-ai";
import type { ConnectorClientOptions } from "botframework-connector";
import type { BotSettings } from "../config/config.js";
import type { PacedHttpClient } from "./paced-http-client.js";

/**
 * The botbuilder CloudAdapter (teams-ai's TeamsAdapter) for both directions. With credentials it
 * validates every inbound token and signs every outbound call; without (local mode) it does
 * neither, which is why the server then listens on loopback only.
 */
export function createTeamsAdapter(credentials: BotSettings | undefined, httpClient: PacedHttpClient): TeamsAdapter {
  const auth = credentials
    ? {
        MicrosoftAppId: credentials.appId,
        MicrosoftAppPassword: credentials.password,
        MicrosoftAppType: credentials.appType,
        MicrosoftAppTenantId: credentials.tenantId,
      }
    : {};
  return new TeamsAdapter(auth, undefined, undefined, { httpClient } as unknown as ConnectorClientOptions);
}
