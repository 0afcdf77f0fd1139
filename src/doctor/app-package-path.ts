import { join } from "node:path";
import type { Config } from "../config/config.js";
import { findProjectRoot } from "../packaging/find-project-root.js";

/** Where `npm run package` writes the Teams app package, unless TEAMS_APP_PACKAGE says otherwise. */
export function appPackagePath(config: Config): string {
  return config.teams.appPackagePath ?? join(findProjectRoot(import.meta.url), "out", "mfa-nudge-teams-app.zip");
}
