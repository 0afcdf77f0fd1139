import { hostname } from "node:os";
import type { Store } from "../store/open-store.js";

/**
 * Rows claimed by a process on this host that is no longer running (it crashed or was killed)
 * are released at once rather than after their lease, so a restart resumes without waiting. A
 * claim by another host is left to its lease: that host may still be sending.
 */
export async function releaseOrphanedClaims(store: Store, now: Date): Promise<number> {
  const claims = await store.db.selectFrom("outbox").select(["id", "claimed_by"]).where("status", "=", "sending").execute();
  const here = `${hostname()}:`;
  const orphaned = claims.filter(
    (c) => c.claimed_by?.startsWith(here) && !isRunning(Number(c.claimed_by.slice(here.length).split(":")[0])),
  );
  for (let i = 0; i < orphaned.length; i += 500) {
    await store.db
      .updateTable("outbox")
      .set({ status: "pending", lease_until: null, not_before: now.toISOString(), last_error: "released: its sender stopped mid-send" })
      .where(
        "id",
        "in",
        orphaned.slice(i, i + 500).map((c) => c.id),
      )
      .where("status", "=", "sending")
      .execute();
  }
  return orphaned.length;
}

/** Whether a process of this host is alive; `signal` is process.kill, replaceable so tests can play another user's process. */
export function isRunning(pid: number, signal: (pid: number, signal: 0) => void = (p, s) => process.kill(p, s)): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    signal(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is running.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
