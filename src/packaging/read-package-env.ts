/** The packaging settings taken from the environment, and what was assumed for missing ones. */
export interface PackageEnv {
  teamsAppId: string;
  botId: string;
  /** The Entra app that calls Graph (AZURE_CLIENT_ID), for webApplicationInfo; BOT_ID in the one-app setup. */
  graphAppId: string;
  validDomain: string | undefined;
  /** One line per setting that was missing and replaced by a sample value. */
  warnings: string[];
}

// All-zero GUIDs so nobody mistakes them for a real registration. They pass the schema, so a
// newcomer can build and open a package before any Azure setup exists.
export const sampleTeamsAppId = "00000000-0000-0000-0000-000000000001";
export const sampleBotId = "00000000-0000-0000-0000-000000000002";

/**
 * Reads TEAMS_APP_ID, BOT_ID, AZURE_CLIENT_ID and BOT_DOMAIN. Empty values count as unset (a `.env` line such as
 * `BOT_ID=` is common); surrounding spaces from copy and paste are dropped. Values are not checked
 * here: buildAppPackage does that and names the variable.
 */
export function readPackageEnv(env: Readonly<Record<string, string | undefined>>): PackageEnv {
  const warnings: string[] = [];
  const withSample = (name: string, sample: string): string => {
    const value = present(env[name]);
    if (value !== undefined) return value;
    warnings.push(
      `${name} is not set; using the sample id ${sample}. Teams cannot reach a bot with this package: set ${name} before uploading it.`,
    );
    return sample;
  };
  const teamsAppId = withSample("TEAMS_APP_ID", sampleTeamsAppId);
  const botId = withSample("BOT_ID", sampleBotId);
  const graphAppId = present(env.AZURE_CLIENT_ID);
  if (graphAppId === undefined) {
    warnings.push(
      "AZURE_CLIENT_ID is not set; webApplicationInfo.id is BOT_ID, which is right only when the bot's own app " +
        "registration holds the Graph permissions (the one-app setup). With a separate Graph app, set AZURE_CLIENT_ID to its id.",
    );
  }
  return { teamsAppId, botId, graphAppId: graphAppId ?? botId, validDomain: present(env.BOT_DOMAIN), warnings };
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}
