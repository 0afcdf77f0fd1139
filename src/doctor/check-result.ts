/** ok: as it should be; warn: works, but look; fail: will not work; skipped: could not be checked. */
export type CheckStatus = "ok" | "warn" | "fail" | "skipped";

/** One line of the checklist, as `doctor --json` prints it. */
export interface CheckResult {
  /** A stable id, e.g. "access.permission.User.Read.All". */
  readonly check: string;
  readonly status: CheckStatus;
  /** What was found. */
  readonly detail: string;
  /** What to do about it, in one line; empty when there is nothing to do. */
  readonly fix: string;
}

export function checkResult(check: string, status: CheckStatus, detail: string, fix = ""): CheckResult {
  return { check, status, detail, fix };
}
