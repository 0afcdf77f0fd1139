/** Why an app package could not be built. */
export type AppPackageErrorCode =
  /** A value given to the builder (an id, the domain, the version) is malformed. */
  | "invalid_value"
  /** The filled manifest does not match the Teams schema. */
  | "manifest_invalid"
  /** The template or an icon is missing or unreadable. */
  | "manifest_files_missing";

/**
 * A failure to build the Teams app package. `source` names where the wrong value came from
 * (`TEAMS_APP_ID`, `BOT_ID`, `BOT_DOMAIN`, `package.json version`) so the caller can tell the
 * operator what to fix.
 */
export class AppPackageError extends Error {
  override readonly name = "AppPackageError";

  constructor(
    readonly code: AppPackageErrorCode,
    message: string,
    readonly source?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
