import type { Logger } from "pino";
import { signInLookbackStart } from "../campaign/sign-in-lookback.js";
import { isAppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { GraphClient } from "../graph/client/graph-client.js";
import { readSignInInterrupts } from "../graph/sign-ins.js";
import type { Store } from "../store/open-store.js";
import { pruneSignInInterrupts, readSignInMark, saveSignInInterrupts, type StoredInterrupt } from "../store/sign-in-interrupts.js";
import type { Clock } from "../time/clock.js";

/*
 * Entries reach the sign-in log minutes, sometimes hours, after the sign-in, so each read starts this
 * long before the last one ended; entries read twice are kept once (by id).
 */
const OVERLAP_MS = 2 * 3_600_000;

export type SignInLogRead =
  | { readonly read: true; readonly since: string; readonly interrupts: number }
  /** The tenant lacks P1/P2 or the app the permission: the rest of the run carries on without it. */
  | { readonly read: false; readonly problem: string; readonly hint: string };

/**
 * Reads the sign-ins Entra ID interrupted for want of a second factor since the last read (at most
 * the lookback window back) into the store. A missing licence or permission is reported with its
 * fix and nothing else stops; any other failure is thrown, like the sync's.
 */
export async function readSignInLog(options: { graph: GraphClient; store: Store; clock: Clock; log: Logger }): Promise<SignInLogRead> {
  const { graph, store, clock, log } = options;
  const now = clock.now();
  const windowStart = signInLookbackStart(now);
  const mark = await readSignInMark(store);
  const since = new Date(Math.max(windowStart, (mark?.getTime() ?? windowStart) - OVERLAP_MS));
  const found: StoredInterrupt[] = [];
  try {
    for await (const page of readSignInInterrupts(graph, since)) {
      for (const s of page)
        found.push({ id: s.id, userId: s.userId, at: s.createdDateTime, app: s.appDisplayName, errorCode: s.errorCode });
    }
  } catch (error) {
    const unavailable = unavailableBecause(error);
    if (!unavailable) throw error;
    log.warn({ code: isAppError(error) ? error.details.graphCode : undefined, hint: unavailable.hint }, "sign-in log not read");
    return { read: false, ...unavailable };
  }
  await saveSignInInterrupts(store, found, new Date(now));
  await pruneSignInInterrupts(store, new Date(windowStart));
  log.info({ interrupts: found.length, since: since.toISOString() }, "sign-in log read");
  return { read: true, since: since.toISOString(), interrupts: found.length };
}

function unavailableBecause(error: unknown): { problem: string; hint: string } | undefined {
  if (isAppError(error, ErrorCode.GraphLicenceMissing)) {
    return {
      problem: "the tenant has no Microsoft Entra ID P1 or P2",
      hint:
        "Reading the sign-in log needs Entra ID P1 or P2 (in Microsoft 365 E3/E5 and Business Premium); " +
        "reminders carry on, but nobody stopped at sign-in gets the help card.",
    };
  }
  if (
    isAppError(error, ErrorCode.GraphPermissionMissing) ||
    (isAppError(error, ErrorCode.GraphForbidden) && error.details.status === 403)
  ) {
    return {
      problem: "the app may not read the sign-in log",
      hint:
        'Grant the application permission AuditLog.Read.All and press "Grant admin consent"; ' +
        "reminders carry on, but nobody stopped at sign-in gets the help card.",
    };
  }
  return undefined;
}
