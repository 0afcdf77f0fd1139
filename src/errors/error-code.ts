/** Every failure the program knows by name. Tests and callers match on these, never on message text. */
export enum ErrorCode {
  ConfigInvalid = "config_invalid",
  CampaignInvalid = "campaign_invalid",
  GraphCredentialsMissing = "graph_credentials_missing",
  GraphCredentialRejected = "graph_credential_rejected",
  GraphUnauthorized = "graph_unauthorized",
  GraphLicenceMissing = "graph_licence_missing",
  GraphPermissionMissing = "graph_permission_missing",
  GraphThrottled = "graph_throttled",
  GraphNotFound = "graph_not_found",
  GraphConflict = "graph_conflict",
  GraphForbidden = "graph_forbidden",
  GraphRequestFailed = "graph_request_failed",
  GraphUnreachable = "graph_unreachable",
  GraphResponseInvalid = "graph_response_invalid",
  SyncAlreadyRunning = "sync_already_running",
  /** `doctor` found something that will not work. */
  ChecksFailed = "checks_failed",
  StoreFailed = "store_failed",
  /** A second `start` on a SQLite store another `start` is serving. */
  StoreInUse = "store_in_use",
  TeamsSendFailed = "teams_send_failed",
  TeamsAppNotInCatalog = "teams_app_not_in_catalog",
  TeamsSetupBroken = "teams_setup_broken",
}

/** Exit status per error family: 2 for input the operator must fix, 1 for everything else. */
export function exitStatusFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ConfigInvalid:
    case ErrorCode.CampaignInvalid:
    case ErrorCode.GraphCredentialsMissing:
    case ErrorCode.TeamsAppNotInCatalog:
    case ErrorCode.StoreInUse:
      return 2;
    default:
      return 1;
  }
}
