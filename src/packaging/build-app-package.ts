import { readFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import { AppPackageError } from "./app-package-error.js";
import { checkPackageInputs, packageInputSources } from "./check-package-inputs.js";
import { fillManifestTemplate } from "./fill-manifest-template.js";
import { findProjectRoot } from "./find-project-root.js";
import { validateTeamsManifest } from "./validate-teams-manifest.js";

// Scopes (set in manifest/manifest.template.json): `personal` carries everything the bot is for,
// the reminders to each person, the weekly note to each manager and the admins' commands, and is
// the only scope where Teams lets a bot send a file (the `mfa export` CSV via a file consent card).
// `team` lets an IT or security team run the status commands in its own channel. `groupChat` is
// left out on purpose: no reminder or digest belongs in a group chat, and a command answered there
// would show who has not registered to everyone in the chat. `mfa export` is in the personal
// command list only, for the same file rule.

export interface AppPackageOptions {
  /** The Teams app's id (TEAMS_APP_ID), a GUID. */
  teamsAppId: string;
  /** The bot's Microsoft App ID (BOT_ID), a GUID. */
  botId: string;
  /**
   * The Entra app that calls Graph (AZURE_CLIENT_ID), written to webApplicationInfo: Graph lets an app
   * holding TeamsAppInstallation.ReadWriteSelfForUser.All install only the Teams app whose
   * webApplicationInfo.id is its own id (msteams-docs, "Send proactive installation messages").
   * Default BOT_ID: the one-app setup, where the bot's app registration also holds the Graph permissions.
   */
  graphAppId?: string | undefined;
  /** The app version, MAJOR.MINOR.PATCH (package.json's version). */
  version: string;
  /** Host name the bot is served from (BOT_DOMAIN); validDomains is empty without it. */
  validDomain?: string;
  /** Folder holding manifest.template.json and the icons; the project's manifest/ by default. */
  manifestDir?: string;
}

export interface AppPackage {
  manifest: object;
  /** The zip to upload to Teams: manifest.json and both icons, all at the zip's root. */
  zip: Buffer;
}

const placeholderSources: Record<string, string> = {
  TEAMS_APP_ID: packageInputSources.teamsAppId,
  BOT_ID: packageInputSources.botId,
  AZURE_CLIENT_ID: "AZURE_CLIENT_ID",
  VERSION: packageInputSources.version,
  VALID_DOMAIN: packageInputSources.validDomain,
};

/** Fills the manifest template, validates it against the Teams schema and zips the app package. */
export async function buildAppPackage(options: AppPackageOptions): Promise<AppPackage> {
  checkPackageInputs(options);
  const manifestDir = options.manifestDir ?? join(findProjectRoot(import.meta.url), "manifest");

  const template = parseTemplate(await readPackageFile(manifestDir, "manifest.template.json"), manifestDir);
  const { manifest, placeholderAt } = fillManifestTemplate(template, {
    TEAMS_APP_ID: options.teamsAppId,
    BOT_ID: options.botId,
    AZURE_CLIENT_ID: options.graphAppId ?? options.botId,
    VERSION: options.version,
    VALID_DOMAIN: options.validDomain,
  });
  await validateTeamsManifest(manifest, (pointer) => {
    const name = placeholderAt.get(pointer);
    return name === undefined ? undefined : placeholderSources[name];
  });

  // The schema has just guaranteed both icon paths are strings.
  const { color, outline } = (manifest as { icons: { color: string; outline: string } }).icons;
  const zip = new JSZip();
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(color, await readPackageFile(manifestDir, color));
  zip.file(outline, await readPackageFile(manifestDir, outline));
  const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  return { manifest: manifest as object, zip: buffer };
}

async function readPackageFile(dir: string, name: string): Promise<Buffer> {
  const path = join(dir, name);
  try {
    return await readFile(path);
  } catch (error) {
    const hint = name.endsWith(".png") ? " (redraw the icons with: node dist/scripts/draw-icons.js)" : "";
    throw new AppPackageError("manifest_files_missing", `Cannot read ${path}${hint}.`, undefined, { cause: error });
  }
}

function parseTemplate(text: Buffer, dir: string): unknown {
  try {
    return JSON.parse(text.toString("utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppPackageError("manifest_invalid", `${join(dir, "manifest.template.json")} is not valid JSON: ${reason}`, undefined, {
      cause: error,
    });
  }
}
