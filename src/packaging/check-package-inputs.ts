import { AppPackageError } from "./app-package-error.js";

export interface PackageInputs {
  teamsAppId: string;
  botId: string;
  graphAppId?: string | undefined;
  version: string;
  validDomain?: string | undefined;
}

/** Where each input comes from, as the operator knows it; error messages name these. */
export const packageInputSources: Record<keyof PackageInputs, string> = {
  teamsAppId: "TEAMS_APP_ID",
  botId: "BOT_ID",
  graphAppId: "AZURE_CLIENT_ID",
  version: "the version in package.json",
  validDomain: "BOT_DOMAIN",
};

// The Teams schema's `guid` definition, which both `id` and `bots[].botId` must match.
const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// The schema's `semver` definition. `version` itself is only a string whose description says
// "semver"; we hold it to MAJOR.MINOR.PATCH so a pre-release tag never reaches Teams, which
// compares app versions to decide whether an upload is an update.
const teamsVersion = /^([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)\.([0-9]|[1-9]+[0-9]*)$/;
// validDomains takes host names (optionally `*.` wildcards), never URLs, paths or ports.
const hostName = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * Rejects malformed inputs before they reach the schema, whose messages ("must match pattern")
 * would not say which setting to fix.
 */
export function checkPackageInputs(inputs: PackageInputs): void {
  checkGuid(inputs.teamsAppId, packageInputSources.teamsAppId, "It is the Teams app's own id, chosen once and kept for every version.");
  checkGuid(inputs.botId, packageInputSources.botId, "It is the bot's Microsoft App ID, the client id of its Entra app registration.");
  if (inputs.graphAppId !== undefined) {
    checkGuid(
      inputs.graphAppId,
      packageInputSources.graphAppId,
      "It is the Application (client) ID of the Entra app that calls Graph, which Teams lets install this app.",
    );
  }
  if (!teamsVersion.test(inputs.version)) {
    fail(
      `${packageInputSources.version} must be MAJOR.MINOR.PATCH such as 1.4.0 for Teams; got ${JSON.stringify(inputs.version)}.`,
      packageInputSources.version,
    );
  }
  if (inputs.validDomain !== undefined && !hostName.test(inputs.validDomain)) {
    fail(
      `BOT_DOMAIN must be a host name such as mfa-nudge.contoso.com, without https://, a path or a port; got ${JSON.stringify(inputs.validDomain)}.`,
      packageInputSources.validDomain,
    );
  }
}

function checkGuid(value: string, source: string, meaning: string): void {
  if (!guid.test(value)) {
    fail(`${source} must be a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301; got ${JSON.stringify(value)}. ${meaning}`, source);
  }
}

function fail(message: string, source: string): never {
  throw new AppPackageError("invalid_value", message, source);
}
