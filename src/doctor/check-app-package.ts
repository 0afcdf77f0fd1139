import { checkResult, type CheckResult } from "./check-result.js";
import type { DoctorFacts } from "./doctor-facts.js";

const CHECK = "teams.appPackage";
const REPACKAGE = "Run npm run package again with AZURE_CLIENT_ID set, and upload the new package to the Teams admin center.";

/**
 * The packaged manifest's webApplicationInfo.id must be the app that calls Graph: the Self install
 * permission covers only that app (msteams-docs, "Proactive installation of apps using Graph").
 */
export function checkAppPackage(facts: DoctorFacts): CheckResult {
  const { path, manifest } = facts.appPackage;
  if (!manifest.ok) {
    if (manifest.failure.kind === "notFound") {
      return checkResult(
        CHECK,
        "warn",
        `Not packaged yet: ${path} does not exist.`,
        "Build it: TEAMS_APP_ID=... BOT_ID=... npm run package.",
      );
    }
    return checkResult(CHECK, "fail", `${path} cannot be read: ${manifest.failure.message}`, "Build it again with npm run package.");
  }
  const { id, webApplicationInfoId } = manifest.value;
  const manifestId = facts.teamsApp.manifestId;
  if (manifestId !== undefined && id !== null && id.toLowerCase() !== manifestId.toLowerCase()) {
    return checkResult(
      CHECK,
      "fail",
      `The package's id is ${id}, but TEAMS_APP_ID is ${manifestId}.`,
      "Package with the TEAMS_APP_ID you run with.",
    );
  }
  if (webApplicationInfoId === null) {
    return checkResult(
      CHECK,
      "fail",
      "The packaged manifest has no webApplicationInfo, so Teams will refuse to let the bot install itself through Graph.",
      REPACKAGE,
    );
  }
  if (facts.clientId === undefined) {
    return checkResult(
      CHECK,
      "skipped",
      `Not compared: webApplicationInfo.id is ${webApplicationInfoId}, and AZURE_CLIENT_ID is not set.`,
      "Set AZURE_CLIENT_ID to the app registration that calls Graph.",
    );
  }
  if (webApplicationInfoId.toLowerCase() !== facts.clientId.toLowerCase()) {
    return checkResult(
      CHECK,
      "fail",
      `webApplicationInfo.id is ${webApplicationInfoId}, but Graph is called as AZURE_CLIENT_ID ${facts.clientId}: installs ` +
        `will be refused.`,
      REPACKAGE,
    );
  }
  return checkResult(CHECK, "ok", `${path}: webApplicationInfo.id is AZURE_CLIENT_ID (${facts.clientId}).`);
}
