import type { SimulatedUser } from "./simulated-user.js";

/** What the userRegistrationDetails report says about one user at a given moment. */
export interface ReportView {
  inReport: boolean;
  methodsRegistered: string[];
  /** When the report row last changed, or null when it is as generated. */
  changedAtMs: number | null;
}

/** A moment and the report's lag behind the live state; the default sees every change. */
export interface ReportMoment {
  nowMs: number;
  reportLagMs: number;
}

export const REPORT_CAUGHT_UP: ReportMoment = { nowMs: Number.POSITIVE_INFINITY, reportLagMs: 0 };

/**
 * The report is recomputed behind the live directory (Microsoft documents a lag of hours), so a
 * registration shows there only once `nowMs >= atMs + reportLagMs`, while /authentication/methods
 * shows it at once. A user missing from the report appears once a registration of theirs is visible.
 */
export function reportView(user: SimulatedUser, moment: ReportMoment = REPORT_CAUGHT_UP): ReportView {
  const changes = user.registrationChanges;
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i];
    if (change !== undefined && moment.nowMs >= change.atMs + moment.reportLagMs) {
      return { inReport: true, methodsRegistered: change.after, changedAtMs: change.atMs + moment.reportLagMs };
    }
  }
  const first = changes[0];
  return { inReport: user.inReport, methodsRegistered: first ? first.before : user.methodsRegistered, changedAtMs: null };
}
