import { isAppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";

/** How one call to Graph (or the sign-in endpoint) went, as a fact a check can judge. */
export type Probe<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ProbeFailure };

export interface ProbeFailure {
  /**
   * denied: 403 for want of a permission; noLicence: 403 for want of Entra ID P1/P2; notFound: 404;
   * rejectedToken: no token, or Graph refused it; noCredentials: nothing configured to get one;
   * unreachable: no answer at all; error: anything else (5xx, ...); notRun: not attempted, `message` says why.
   */
  readonly kind: "denied" | "noLicence" | "notFound" | "rejectedToken" | "noCredentials" | "unreachable" | "error" | "notRun";
  readonly message: string;
  readonly hint?: string | undefined;
}

const LICENCE_CODE = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

/** Runs one call and records its outcome; never throws for a failure Graph or the network reports. */
export async function probe<T>(call: () => Promise<T>): Promise<Probe<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, failure: classify(error) };
  }
}

export function notRun(message: string): Probe<never> {
  return { ok: false, failure: { kind: "notRun", message } };
}

export function failureOf<T>(outcome: Probe<T>): ProbeFailure | undefined {
  return outcome.ok ? undefined : outcome.failure;
}

function classify(error: unknown): ProbeFailure {
  if (!isAppError(error)) return { kind: "error", message: error instanceof Error ? error.message : String(error) };
  const status = error.details.status;
  const base = { message: error.message, hint: error.hint };
  if (error.code === ErrorCode.GraphLicenceMissing || error.details.graphCode === LICENCE_CODE) return { kind: "noLicence", ...base };
  if (error.code === ErrorCode.GraphCredentialsMissing) return { kind: "noCredentials", ...base };
  if (error.code === ErrorCode.GraphCredentialRejected || status === 401) return { kind: "rejectedToken", ...base };
  if (error.code === ErrorCode.GraphUnreachable) return { kind: "unreachable", ...base };
  // Any other 403 to a probe chosen to need exactly one permission means that permission is missing,
  // whatever code the service behind Graph uses for it (Authorization_RequestDenied, AccessDenied, ...).
  if (status === 403) return { kind: "denied", ...base };
  if (status === 404) return { kind: "notFound", ...base };
  return { kind: "error", ...base };
}
