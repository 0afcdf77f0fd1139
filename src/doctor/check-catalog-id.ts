import { checkResult, type CheckResult } from "./check-result.js";
import type { DoctorFacts } from "./doctor-facts.js";

const CHECK = "teams.catalogId";

/** Do installs use the id the catalog knows? For an uploaded app it is not the manifest's id, and a wrong one gets 404 every time. */
export function checkCatalogId(facts: DoctorFacts): CheckResult {
  const { catalogAppId, found } = facts.teamsApp;
  if (!found.ok || found.value === undefined) {
    return checkResult(CHECK, "skipped", "Not checked: the app was not found in the catalog (see teams.catalogApp).");
  }
  const actual = found.value.id;
  // Unset, start looks the catalog id up by TEAMS_APP_ID, which is what found it here.
  if (catalogAppId === undefined) {
    return checkResult(CHECK, "ok", `TEAMS_CATALOG_APP_ID is not set: start looks the app up by TEAMS_APP_ID and installs ${actual}.`);
  }
  if (catalogAppId.toLowerCase() === actual.toLowerCase()) return checkResult(CHECK, "ok", `Installs use ${actual}, the app's catalog id.`);
  return checkResult(
    CHECK,
    "fail",
    `Installs would use ${catalogAppId}, but the catalog knows the app as ${actual}: every install would get 404.`,
    `Set TEAMS_CATALOG_APP_ID=${actual}.`,
  );
}
