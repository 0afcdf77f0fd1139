import { describe, expect, it } from "vitest";
import { checkAppPackage } from "../../src/doctor/check-app-package.js";
import { checkBotToken } from "../../src/doctor/check-bot-token.js";
import { checkCatalogApp } from "../../src/doctor/check-catalog-app.js";
import { checkCatalogId } from "../../src/doctor/check-catalog-id.js";
import { CATALOG_ID, CLIENT_ID, failed, goodFacts, MANIFEST_ID, ok } from "./doctor-facts-fixture.js";

const UPLOAD = "Upload out/mfa-nudge-teams-app.zip in the Teams admin center (Teams apps > Manage apps > Upload new app).";
const app = (distributionMethod: string) => ok({ id: CATALOG_ID, externalId: MANIFEST_ID, displayName: "MFA Nudge", distributionMethod });
const teamsApp = (changes: Partial<ReturnType<typeof goodFacts>["teamsApp"]>) =>
  goodFacts({ teamsApp: { ...goodFacts().teamsApp, ...changes } });

describe("the Teams app checks", () => {
  it.each([
    ["uploaded to the organisation", teamsApp({}), "ok", `"MFA Nudge" is in the organisation's app catalog, catalog id ${CATALOG_ID}.`, ""],
    [
      "not in the catalog",
      teamsApp({ found: ok(undefined) }),
      "fail",
      `No app with manifest id ${MANIFEST_ID} is in the organisation's app catalog.`,
      UPLOAD,
    ],
    [
      "uploaded by one person only",
      teamsApp({ found: app("sideloaded") }),
      "warn",
      `"MFA Nudge" (catalog id ${CATALOG_ID}) is in the catalog as sideloaded, not as the organisation's app.`,
      UPLOAD,
    ],
    [
      "TEAMS_APP_ID not set",
      teamsApp({ manifestId: undefined, found: failed("notRun", "TEAMS_APP_ID is not set") }),
      "warn",
      "TEAMS_APP_ID is not set: the bot cannot install itself for people who do not have it yet.",
      "Set TEAMS_APP_ID to the manifest's id (the one npm run package used).",
    ],
    [
      "the catalog unreadable",
      teamsApp({ found: failed("denied") }),
      "skipped",
      "Not checked: the catalog cannot be read (see access.permission.AppCatalog.Read.All).",
      "",
    ],
  ])("finds the app in the catalog by its manifest id: %s", (_label, facts, status, detail, fix) => {
    expect(checkCatalogApp(facts)).toEqual({ check: "teams.catalogApp", status, detail, fix });
  });

  it.each([
    ["the catalog's id", teamsApp({}), "ok", `Installs use ${CATALOG_ID}, the app's catalog id.`, ""],
    [
      "nothing: start looks it up by the manifest id",
      teamsApp({ catalogAppId: undefined }),
      "ok",
      `TEAMS_CATALOG_APP_ID is not set: start looks the app up by TEAMS_APP_ID and installs ${CATALOG_ID}.`,
      "",
    ],
    [
      "the manifest id, set where the catalog id belongs",
      teamsApp({ catalogAppId: MANIFEST_ID }),
      "fail",
      `Installs would use ${MANIFEST_ID}, but the catalog knows the app as ${CATALOG_ID}: every install would get 404.`,
      `Set TEAMS_CATALOG_APP_ID=${CATALOG_ID}.`,
    ],
    [
      "the catalog's id in capitals",
      teamsApp({ catalogAppId: CATALOG_ID.toUpperCase() }),
      "ok",
      `Installs use ${CATALOG_ID}, the app's catalog id.`,
      "",
    ],
    [
      "nothing, the app being missing",
      teamsApp({ found: ok(undefined) }),
      "skipped",
      "Not checked: the app was not found in the catalog (see teams.catalogApp).",
      "",
    ],
  ])("compares the id installs use with the catalog's: %s", (_label, facts, status, detail, fix) => {
    expect(checkCatalogId(facts)).toEqual({ check: "teams.catalogId", status, detail, fix });
  });

  it.each([
    [
      "granted",
      goodFacts(),
      "ok",
      "https://login.example/t/oauth2/v2.0/token issued a Bot Framework token to BOT_ID 862b61eb-9c0c-493b-ad5f-c7eab79c7fc3.",
      "",
    ],
    [
      "refused",
      goodFacts({
        bot: {
          ...goodFacts().bot!,
          outcome: failed("rejectedToken", "401 invalid_client: AADSTS7000215: Invalid client secret provided.", "BOT_PASSWORD is wrong."),
        },
      }),
      "fail",
      "https://login.example/t/oauth2/v2.0/token refused BOT_ID 862b61eb-9c0c-493b-ad5f-c7eab79c7fc3: 401 invalid_client: AADSTS7000215: Invalid client secret provided.",
      "BOT_PASSWORD is wrong.",
    ],
    [
      "out of reach",
      goodFacts({
        bot: {
          ...goodFacts().bot!,
          outcome: failed("error", "fetch failed (ECONNREFUSED)", "Check BOT_LOGIN_URL and that this host can reach it."),
        },
      }),
      "fail",
      "Could not reach https://login.example/t/oauth2/v2.0/token: fetch failed (ECONNREFUSED)",
      "Check BOT_LOGIN_URL and that this host can reach it.",
    ],
    [
      "not configured",
      goodFacts({ bot: undefined }),
      "warn",
      "BOT_ID and BOT_PASSWORD are not set: the bot runs in local mode, which Teams cannot reach.",
      "Set BOT_ID, BOT_PASSWORD and BOT_TENANT_ID from the Azure Bot resource's app registration.",
    ],
  ])("judges the bot's own sign-in: %s", (_label, facts, status, detail, fix) => {
    expect(checkBotToken(facts)).toEqual({ check: "teams.botToken", status, detail, fix });
  });

  const repackage = "Run npm run package again with AZURE_CLIENT_ID set, and upload the new package to the Teams admin center.";
  const packaged = (manifest: ReturnType<typeof goodFacts>["appPackage"]["manifest"], clientId: string | null = CLIENT_ID) =>
    goodFacts({ clientId: clientId ?? undefined, appPackage: { path: "/srv/out/app.zip", manifest } });
  it.each([
    [
      "matching",
      packaged(ok({ id: MANIFEST_ID, webApplicationInfoId: CLIENT_ID })),
      "ok",
      `/srv/out/app.zip: webApplicationInfo.id is AZURE_CLIENT_ID (${CLIENT_ID}).`,
      "",
    ],
    [
      "not packaged yet",
      packaged(failed("notFound")),
      "warn",
      "Not packaged yet: /srv/out/app.zip does not exist.",
      "Build it: TEAMS_APP_ID=... BOT_ID=... npm run package.",
    ],
    [
      "without webApplicationInfo",
      packaged(ok({ id: MANIFEST_ID, webApplicationInfoId: null })),
      "fail",
      "The packaged manifest has no webApplicationInfo, so Teams will refuse to let the bot install itself through Graph.",
      repackage,
    ],
    [
      "for another app registration",
      packaged(ok({ id: MANIFEST_ID, webApplicationInfoId: "99999999-9999-4999-8999-999999999999" })),
      "fail",
      `webApplicationInfo.id is 99999999-9999-4999-8999-999999999999, but Graph is called as AZURE_CLIENT_ID ${CLIENT_ID}: ` +
        `installs will be refused.`,
      repackage,
    ],
    [
      "for another Teams app",
      packaged(ok({ id: "11111111-1111-4111-8111-111111111111", webApplicationInfoId: CLIENT_ID })),
      "fail",
      `The package's id is 11111111-1111-4111-8111-111111111111, but TEAMS_APP_ID is ${MANIFEST_ID}.`,
      "Package with the TEAMS_APP_ID you run with.",
    ],
    [
      "with nothing to compare to",
      packaged(ok({ id: MANIFEST_ID, webApplicationInfoId: CLIENT_ID }), null),
      "skipped",
      `Not compared: webApplicationInfo.id is ${CLIENT_ID}, and AZURE_CLIENT_ID is not set.`,
      "Set AZURE_CLIENT_ID to the app registration that calls Graph.",
    ],
    [
      "not a zip",
      packaged(failed("error", "not a readable app package: End of data reached")),
      "fail",
      "/srv/out/app.zip cannot be read: not a readable app package: End of data reached",
      "Build it again with npm run package.",
    ],
  ])("reads webApplicationInfo from the package: %s", (_label, facts, status, detail, fix) => {
    expect(checkAppPackage(facts)).toEqual({ check: "teams.appPackage", status, detail, fix });
  });
});
