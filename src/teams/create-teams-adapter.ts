import { TeamsAdapter } from "@microsoft/teams-ai";
import { CallerIdConstants, type Activity, type InvokeResponse, type TurnContext } from "botbuilder";
import { AuthenticationConstants, type AuthenticateRequestResult, type ConnectorClientOptions } from "botframework-connector";

import type { BotSettings } from "../config/config.js";
import type { PacedHttpClient } from "./paced-http-client.js";

/**
 * teams-ai's TeamsAdapter (botbuilder's CloudAdapter) with its two steps apart: check the caller,
 * then run the turn. CloudAdapter.process does both and answers every failure itself, with the
 * library's text and a 500 for most bad tokens; apart, the server decides what a caller is told.
 */
export class BotAdapter extends TeamsAdapter {
  /** Validates the Authorization header for this activity (anonymous in local mode). Throws when it does not validate. */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  /** Runs one turn for an activity whose caller `authenticate` accepted. */
  run(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/**
 * The adapter for both directions. With credentials it validates every inbound token and signs
 * every outbound call; without (local mode) it does neither, which is why the server then listens
 * on loopback only. `openIdMetadataUrl` replaces the Bot Framework's published signing-key
 * document (BOT_OPENID_METADATA_URL: a sovereign cloud, or the tests' simulated one).
 */
export function createTeamsAdapter(credentials: BotSettings | undefined, httpClient: PacedHttpClient): BotAdapter {
  const auth = credentials
    ? {
        MicrosoftAppId: credentials.appId,
        MicrosoftAppPassword: credentials.password,
        MicrosoftAppType: credentials.appType,
        MicrosoftAppTenantId: credentials.tenantId,
        ...(credentials.openIdMetadataUrl ? publicCloudWithKeysAt(credentials.openIdMetadataUrl) : {}),
      }
    : {};
  return new BotAdapter(auth, undefined, undefined, { httpClient } as unknown as ConnectorClientOptions);
}

/**
 * botbuilder takes one endpoint apart only with all of them (BotFrameworkAuthenticationFactory:
 * "if any of the parameterized properties are defined, assume all parameters are intentional"), so
 * the public cloud's own values come along with the replaced key document.
 */
function publicCloudWithKeysAt(openIdMetadataUrl: string): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
