import { checkResult, type CheckResult } from "./check-result.js";
import type { DoctorFacts } from "./doctor-facts.js";

const CHECK = "teams.catalogApp";
const UPLOAD = "Upload out/mfa-nudge-teams-app.zip in the Teams admin center (Teams apps > Manage apps > Upload new app).";

/** Is the Teams app in the organisation's catalog under TEAMS_APP_ID, so the bot can install itself for people? */
export function checkCatalogApp(facts: DoctorFacts): CheckResult {
  const { manifestId, found } = facts.teamsApp;
  if (manifestId === undefined) {
    return checkResult(
      CHECK,
      "warn",
      "TEAMS_APP_ID is not set: the bot cannot install itself for people who do not have it yet.",
      "Set TEAMS_APP_ID to the manifest's id (the one npm run package used).",
    );
  }
  if (!found.ok) {
    const { kind, message } = found.failure;
    if (kind === "denied")
      return checkResult(CHECK, "skipped", "Not checked: the catalog cannot be read (see access.permission.AppCatalog.Read.All).");
    if (kind === "notRun") return checkResult(CHECK, "skipped", `Not checked: ${message}`);
    return checkResult(CHECK, "warn", `Could not read the app catalog: ${message}`, found.failure.hint ?? "Run doctor again.");
  }
  const app = found.value;
  if (app === undefined) {
    return checkResult(CHECK, "fail", `No app with manifest id ${manifestId} is in the organisation's app catalog.`, UPLOAD);
  }
  const name = app.displayName ?? "The app";
  if (app.distributionMethod !== "organization") {
    return checkResult(
      CHECK,
      "warn",
      `"${name}" (catalog id ${app.id}) is in the catalog as ${app.distributionMethod ?? "an unknown kind"}, not as the ` +
        `organisation's app.`,
      UPLOAD,
    );
  }
  return checkResult(CHECK, "ok", `"${name}" is in the organisation's app catalog, catalog id ${app.id}.`);
}
