import { localMoment } from "../campaign/local-calendar.js";
import { saveDailyFigures } from "../store/daily-figures.js";
import type { Store } from "../store/open-store.js";
import { saveStatusSummary } from "./status-summary-cache.js";
import type { StatusSummary } from "./status-summary.js";

/**
 * Keeps what a campaign run worked out: the summary `/mfa status` answers from at once, and the
 * day's point of the trend, from the same figures so the trend's last point is the donut.
 */
export async function recordStatus(store: Store, summary: StatusSummary, timeZone: string): Promise<void> {
  const now = Date.parse(summary.computedAt);
  await saveStatusSummary(store, summary);
  await saveDailyFigures(
    store,
    {
      day: localMoment(now, timeZone).date,
      accounts: summary.accounts,
      inScope: summary.inScope,
      registered: summary.registered,
      admins: summary.admins,
      adminsRegistered: summary.admins - summary.adminsNotRegistered,
    },
    new Date(now),
  );
}
