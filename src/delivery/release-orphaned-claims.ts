import { hostname } from "node:os";
import type { Store } from "../store/open-store.js";
import { readSendingClaims, releaseSendingClaims } from "../store/sending-claims.js";

/**
 * Rows claimed by a process on this host that is no longer running (it crashed or was killed)
 * are released at once rather than after their lease, so a restart resumes without waiting. A
 * claim by another host is left to its lease: that host may still be sending.
 */
export async function releaseOrphanedClaims(store: Store, now: Date): Promise<number> {
  const claims = await readSendingClaims(store);
  const here = `${hostname()}:`;
  const orphaned = claims.filter((c) => c.claimedBy?.startsWith(here) && !isRunning(Number(c.claimedBy.slice(here.length).split(":")[0])));
  await releaseSendingClaims(
    store,
    orphaned.map((c) => c.id),
    now,
  );
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
