import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import { beatServer, claimServer, releaseServer, type ServerHolder } from "../store/server-claim.js";
import type { Runtime } from "./open-runtime.js";

/* A holder on another host (a file share) is live while it beats; it beats every 10 s. */
const beatEveryMs = 10_000;
const liveForMs = 30_000;

/**
 * Makes this `start` the one server of its SQLite store, or refuses with exit status 2 naming the
 * file when another is serving it. Returns a function that lets the store go. PostgreSQL serves
 * any number of instances, so there it does nothing.
 */
export async function holdSqliteStore(runtime: Runtime): Promise<() => Promise<void>> {
  const { store, config, clock, log } = runtime;
  if (config.database.kind !== "sqlite") return () => Promise.resolve();
  const path = config.database.path;
  const me: ServerHolder = { host: hostname(), pid: process.pid, token: randomUUID() };
  const holder = await claimServer(store, me, new Date(clock.now()), (other, beatAt) =>
    // On this host the process decides; a holder with this very pid is a former life of it (a restarted container's pid 1).
    other.host === me.host ? other.pid !== process.pid && isRunning(other.pid) : clock.now() - beatAt.getTime() < liveForMs,
  );
  if (holder) {
    throw new AppError(
      ErrorCode.StoreInUse,
      `the SQLite store at ${path} is already served by another mfa-nudge start (pid ${holder.pid} on ${holder.host})`,
      {
        hint:
          "SQLite serves one instance: stop the other one first, or give this one its own DATABASE_URL. " +
          "To run several instances, use PostgreSQL (README: Running more than one instance).",
      },
    );
  }
  const beat = setInterval(() => {
    beatServer(store, me, new Date(clock.now())).catch((error: unknown) =>
      log.warn({ err: error }, "could not record the server's heartbeat"),
    );
  }, beatEveryMs);
  beat.unref();
  return async () => {
    clearInterval(beat);
    await releaseServer(store, me);
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, so it is running.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
