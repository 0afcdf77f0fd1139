import type { StatusCard } from "../cards/card-data.js";
import { readPause } from "../store/app-state.js";
import type { Store } from "../store/open-store.js";
import { currentSnapshot } from "../store/sync-runs.js";
import type { StatusSummary } from "./status-summary.js";

/** The `/mfa status` card's data: the campaign's summary, the trend, the last sync and the pause. */
export async function buildStatusCard(store: Store, summary: StatusSummary | undefined, now: number): Promise<StatusCard> {
  const [snapshot, pause, trend] = await Promise.all([
    currentSnapshot(store),
    readPause(store),
    store.db.selectFrom("daily_figures").select(["day", "members", "registered"]).orderBy("day", "desc").limit(60).execute(),
  ]);
  const s = summary;
  return {
    members: s?.inScope ?? 0,
    registered: s?.registered ?? 0,
    admins: s?.admins ?? 0,
    adminsNotRegistered: s?.adminsNotRegistered ?? 0,
    lastSync: snapshot?.finished_at ?? null,
    trend: trend
      .reverse()
      .map((d) => ({ date: d.day, percentRegistered: d.members ? Math.round((d.registered / d.members) * 1000) / 10 : 0 })),
    byState: s?.byState ?? { registered: 0, remindedNotRegistered: 0, notYetReminded: 0, snoozed: 0, unreachable: 0, excluded: 0 },
    phases: s ? [...s.phases] : [],
    furthestBehind: Object.entries(s?.departments ?? {})
      .map(([department, d]) => ({ department, ...d }))
      .sort((a, b) => a.registered / Math.max(1, a.members) - b.registered / Math.max(1, b.members) || b.members - a.members)
      .slice(0, 5),
    unreachable: (s?.unreachable ?? [])
      .slice(0, 5)
      .map((u) => ({ displayName: u.displayName, userPrincipalName: u.userPrincipalName, code: u.code ?? null })),
    unreachableCount: s?.unreachableCount ?? 0,
    paused: pause.paused ? { by: pause.by ?? "an admin", at: pause.at ?? new Date(now).toISOString() } : null,
  };
}
