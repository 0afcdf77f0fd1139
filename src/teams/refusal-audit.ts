import type { Logger } from "pino";
import { recordAudit, type AuditEntry } from "../store/audit-log.js";
import type { Store } from "../store/open-store.js";

export interface RefusalAudit {
  record(entry: AuditEntry): Promise<void>;
}

/**
 * Audits refused activities, at most `perMinute` of them a minute. Anyone who can reach the bot
 * can send refusable activities, so an unbounded audit would let them fill the store; past the
 * budget refusals are only counted, and the count is audited (and logged) once, a minute later.
 */
export function createRefusalAudit(options: {
  readonly store: Store;
  readonly log: Logger;
  readonly now: () => number;
  readonly perMinute?: number;
}): RefusalAudit {
  const { store, log, now } = options;
  const perMinute = options.perMinute ?? 20;
  let windowStart = -Infinity;
  let recorded = 0;
  let suppressed = 0;

  const recordSuppressed = async () => {
    const count = suppressed;
    suppressed = 0;
    log.warn({ count }, "refused activities beyond the audit budget");
    await recordAudit(store, new Date(now()), { actorKind: "system", action: "activity.refused.uncounted", detail: { count } }).catch(
      (error: unknown) => log.error({ err: error }, "could not audit refused activities"),
    );
  };

  return {
    async record(entry) {
      if (now() - windowStart >= 60_000) {
        windowStart = now();
        recorded = 0;
      }
      if (recorded < perMinute) {
        recorded += 1;
        await recordAudit(store, new Date(now()), entry);
        return;
      }
      suppressed += 1;
      if (suppressed === 1) setTimeout(() => void recordSuppressed(), 60_000).unref();
    },
  };
}
