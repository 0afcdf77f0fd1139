import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppManifestUtils, type TeamsManifest } from "@microsoft/app-manifest";
import JSZip from "jszip";
import { afterEach, describe, expect, it } from "vitest";
import { AppPackageError } from "../../src/packaging/app-package-error.js";
import { buildAppPackage, type AppPackageOptions } from "../../src/packaging/build-app-package.js";
import { findProjectRoot } from "../../src/packaging/find-project-root.js";

const root = findProjectRoot(import.meta.url);
const manifestDir = join(root, "manifest");
const oracleSchema = join(root, "test", "oracles", "teams-manifest", "MicrosoftTeams.v1.22.schema.json");

const options: AppPackageOptions = {
  teamsAppId: "6d1f8a52-3c1e-4b7a-9f0e-2a4c8d9b1e73",
  botId: "b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b",
  version: "0.1.0",
  validDomain: "mfa-nudge.contoso.com",
};

type Manifest = TeamsManifest & {
  bots: { botId: string; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  webApplicationInfo?: { id: string; resource?: string };
};

async function rejection(promise: Promise<unknown>): Promise<AppPackageError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppPackageError)) throw new Error(`Expected an AppPackageError, got ${String(error)}`);
  return error;
}

const scratchDirs: string[] = [];
afterEach(async () => {
  await Promise.all(scratchDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of manifest/ whose template has been changed by `edit`. */
async function manifestDirWith(edit: (template: Record<string, unknown>) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "mfa-nudge-manifest-"));
  scratchDirs.push(dir);
  await cp(manifestDir, dir, { recursive: true });
  const template = JSON.parse(await readFile(join(dir, "manifest.template.json"), "utf8")) as Record<string, unknown>;
  edit(template);
  await writeFile(join(dir, "manifest.template.json"), JSON.stringify(template));
  return dir;
}

describe("buildAppPackage", () => {
  it("fills the template into a manifest the Teams v1.22 schema accepts", async () => {
    const { manifest } = await buildAppPackage(options);
    const m = manifest as Manifest;

    expect(await AppManifestUtils.validateAgainstSchema(m)).toEqual([]);
    expect(m.manifestVersion).toBe("1.22");
    expect(m.id).toBe(options.teamsAppId);
    expect(m.version).toBe("0.1.0");
    expect(m.bots[0]?.botId).toBe(options.botId);
    expect(m.validDomains).toEqual(["mfa-nudge.contoso.com"]);
    expect(JSON.stringify(m)).not.toContain("{{");
  });

  it("validates offline with the same v1.22 schema as the vendored oracle", async () => {
    const { manifest } = await buildAppPackage(options);
    const used = await AppManifestUtils.fetchSchema((manifest as Manifest).$schema ?? "");
    expect(used).toEqual(JSON.parse(await readFile(oracleSchema, "utf8")));
  });

  it("keeps command titles and descriptions within Teams' documented 32 and 128 characters", async () => {
    // The schema allows 128 and 4000; the manifest reference documents the tighter limits.
    const { manifest } = await buildAppPackage(options);
    const commands = (manifest as Manifest).bots[0]?.commandLists.flatMap((list) => list.commands) ?? [];
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((c) => c.title.length > 32 || c.description.length > 128)).toEqual([]);
  });

  it("names the bot's own app registration in webApplicationInfo by default (the one-app setup)", async () => {
    const { manifest } = await buildAppPackage(options);
    expect((manifest as Manifest).webApplicationInfo).toEqual({ id: options.botId, resource: `api://${options.botId}` });
  });

  it("names the Graph app registration in webApplicationInfo in the two-app setup, so Graph lets it install this app", async () => {
    const graphAppId = "0f5e2d6c-7a1b-4c3d-9e8f-a1b2c3d4e5f6";
    const { manifest } = await buildAppPackage({ ...options, graphAppId });
    expect((manifest as Manifest).webApplicationInfo).toEqual({ id: graphAppId, resource: `api://${graphAppId}` });
    expect((manifest as Manifest).bots[0]?.botId).toBe(options.botId);
  });

  it("rejects an AZURE_CLIENT_ID that is not a GUID, naming it", async () => {
    const error = await rejection(buildAppPackage({ ...options, graphAppId: "graph-app" }));
    expect(error.source).toBe("AZURE_CLIENT_ID");
    expect(error.message).toMatch(/^AZURE_CLIENT_ID must be a GUID/);
  });

  it("leaves validDomains empty when no BOT_DOMAIN is given", async () => {
    const { manifest } = await buildAppPackage({ ...options, validDomain: undefined });
    expect((manifest as Manifest).validDomains).toEqual([]);
  });

  it("rejects a Teams app id that is not a GUID, naming TEAMS_APP_ID and the value", async () => {
    const error = await rejection(buildAppPackage({ ...options, teamsAppId: "mfa-nudge" }));
    expect(error.code).toBe("invalid_value");
    expect(error.source).toBe("TEAMS_APP_ID");
    expect(error.message).toMatch(/^TEAMS_APP_ID must be a GUID/);
    expect(error.message).toContain('"mfa-nudge"');
  });

  it("rejects a bot id that is not a GUID, naming BOT_ID and the value", async () => {
    const error = await rejection(buildAppPackage({ ...options, botId: "{b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b}" }));
    expect(error.source).toBe("BOT_ID");
    expect(error.message).toMatch(/^BOT_ID must be a GUID/);
    expect(error.message).toContain('"{b7e3c9a1-58d2-4f6e-8a0b-1c2d3e4f5a6b}"');
  });

  it("rejects a BOT_DOMAIN given as a URL rather than a host name", async () => {
    const error = await rejection(buildAppPackage({ ...options, validDomain: "https://mfa-nudge.contoso.com/api/messages" }));
    expect(error.source).toBe("BOT_DOMAIN");
    expect(error.message).toContain('"https://mfa-nudge.contoso.com/api/messages"');
  });

  it("rejects a pre-release version, naming package.json", async () => {
    const error = await rejection(buildAppPackage({ ...options, version: "0.2.0-rc.1" }));
    expect(error.source).toBe("the version in package.json");
    expect(error.message).toContain('"0.2.0-rc.1"');
  });

  it("lists every schema error with the offending value when the template is broken", async () => {
    const dir = await manifestDirWith((template) => {
      template.accentColor = "blue";
      template.name = { short: "MFA Nudge, the multi-factor authentication reminder" };
    });
    const error = await rejection(buildAppPackage({ ...options, manifestDir: dir }));
    expect(error.code).toBe("manifest_invalid");
    expect(error.message).toContain("(2 errors)");
    expect(error.message).toContain('/accentColor = "blue": must match pattern');
    expect(error.message).toContain(
      '/name/short = "MFA Nudge, the multi-factor authentication reminder": must NOT have more than 30 characters',
    );
  });

  it("names the setting that filled a value the schema rejects", async () => {
    const dir = await manifestDirWith((template) => {
      template.accentColor = "{{VERSION}}";
    });
    const error = await rejection(buildAppPackage({ ...options, manifestDir: dir }));
    expect(error.message).toContain('/accentColor = "0.1.0" (from the version in package.json)');
    expect(error.source).toBe("the version in package.json");
  });

  it("refuses a template placeholder it has no value for", async () => {
    const dir = await manifestDirWith((template) => {
      template.developer = { name: "{{DEVELOPER}}" };
    });
    const error = await rejection(buildAppPackage({ ...options, manifestDir: dir }));
    expect(error.message).toContain("{{DEVELOPER}} at /developer/name");
  });

  it("zips exactly manifest.json, color.png and outline.png at the root of the package", async () => {
    const { manifest, zip } = await buildAppPackage(options);
    const files = (await JSZip.loadAsync(zip)).files;

    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(Object.values(files).some((entry) => entry.dir)).toBe(false);
    expect(JSON.parse(await files["manifest.json"]!.async("string"))).toEqual(manifest);
    expect(await files["color.png"]!.async("nodebuffer")).toEqual(await readFile(join(manifestDir, "color.png")));
    expect(await files["outline.png"]!.async("nodebuffer")).toEqual(await readFile(join(manifestDir, "outline.png")));
  });
});
