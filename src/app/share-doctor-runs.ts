import type { Logger } from "pino";
import type { DoctorReport } from "../doctor/run-doctor.js";
import { saveEnforcement } from "../store/enforcement-cache.js";
import type { Store } from "../store/open-store.js";
import type { Clock } from "../time/clock.js";

// An answer this fresh is still true; asking Graph again so soon would only add load.
const FRESH_FOR_MS = 2 * 60_000;

/**
 * `/mfa doctor` for the bot: admins asking at once share one run, a run finished less than two
 * minutes ago is answered again, and every run leaves its enforcement finding for `/mfa status`.
 * A failure is logged here, once, and passed on.
 */
export function shareDoctorRuns(
  run: () => Promise<DoctorReport>,
  deps: { store: Store; clock: Clock; log: Logger },
): () => Promise<DoctorReport> {
  let running: Promise<DoctorReport> | undefined;
  let last: { report: DoctorReport; at: number } | undefined;
  return () => {
    if (last && deps.clock.now() - last.at < FRESH_FOR_MS) return Promise.resolve(last.report);
    running ??= (async () => {
      try {
        const report = await run();
        await saveEnforcement(deps.store, report.enforcement);
        last = { report, at: deps.clock.now() };
        deps.log.info({ failed: report.checks.filter((c) => c.status === "fail").length }, "doctor run");
        return report;
      } catch (error) {
        deps.log.error({ err: error }, "doctor run failed");
        throw error;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
}
