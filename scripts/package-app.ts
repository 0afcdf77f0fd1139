/**
 * `npm run package`: builds out/mfa-nudge-teams-app.zip, the app package to upload to Teams.
 * Exit codes: 0 built, 2 a setting is malformed (the message names it), 1 anything else.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { AppPackageError } from "../src/packaging/app-package-error.js";
import { buildAppPackage } from "../src/packaging/build-app-package.js";
import { findProjectRoot } from "../src/packaging/find-project-root.js";
import { readPackageEnv } from "../src/packaging/read-package-env.js";

async function packageApp(): Promise<void> {
  // Compiled, this runs from dist/scripts/; the root is found, not assumed.
  const root = findProjectRoot(import.meta.url);
  const settings = readPackageEnv(process.env);
  for (const warning of settings.warnings) console.warn(`warning: ${warning}`);

  const { zip } = await buildAppPackage({
    teamsAppId: settings.teamsAppId,
    botId: settings.botId,
    graphAppId: settings.graphAppId,
    validDomain: settings.validDomain,
    version: await readVersion(root),
  });

  const out = join(root, "out", "mfa-nudge-teams-app.zip");
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, zip);
  console.log(`Wrote ${out} (${zip.length.toLocaleString("en")} bytes).`);
  console.log("Upload it in Teams under Apps > Manage your apps > Upload an app, or in the Teams admin center.");
}

async function readVersion(root: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "";
}

packageApp().catch((error: unknown) => {
  if (error instanceof AppPackageError) {
    console.error(`error: ${error.message}`);
    // A named setting is something the operator can fix; anything else is a bug in the template.
    process.exitCode = error.source === undefined ? 1 : 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
