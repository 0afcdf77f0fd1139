import type { StatusCard } from "../cards/card-data.js";
import { readPause } from "../store/app-state.js";
import { readTrend } from "../store/daily-figures.js";
import { readEnforcement } from "../store/enforcement-cache.js";
import type { Store } from "../store/open-store.js";
import { currentSnapshot } from "../store/sync-runs.js";
import { readSignInMark } from "../store/sign-in-interrupts.js";
import { percentRegistered, type StatusSummary } from "./status-summary.js";

/** The `/mfa status` card's data: the campaign's summary, the trend, the last sync and the pause. */
export async function buildStatusCard(store: Store, summary: StatusSummary | undefined, now: number): Promise<StatusCard> {
  const [snapshot, pause, enforcement, trend, signInMark] = await Promise.all([
    currentSnapshot(store),
    readPause(store),
    readEnforcement(store),
    readTrend(store, 60),
    readSignInMark(store),
  ]);
  const s = summary;
  return {
    members: s?.inScope ?? 0,
    registered: s?.registered ?? 0,
    admins: s?.admins ?? 0,
    adminsNotRegistered: s?.adminsNotRegistered ?? 0,
    lastSync: snapshot?.finished_at ?? null,
    trend: trend.map((d) => ({ date: d.day, percentRegistered: percentRegistered({ members: d.inScope, registered: d.registered }) })),
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
    // Only once the sign-in log has been read: before that (or without P1/P2) a 0 would claim too much.
    signInInterrupts:
      s && signInMark ? { people: s.signInInterrupts.people, topApps: s.signInInterrupts.topApps.map((a) => ({ ...a })) } : null,
    paused: pause.paused ? { by: pause.by ?? "an admin", at: pause.at ?? new Date(now).toISOString() } : null,
    enforcement: enforcement ?? null,
  };
}
