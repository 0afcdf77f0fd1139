import type { Logger } from "pino";
import type { Clock } from "../time/clock.js";
import { SlidingWindow, type RequestPace } from "../time/sliding-window.js";
import type { Store } from "./open-store.js";
import { finishPaceSlot, pausePaceLane, takePaceSlot, type PaceRule } from "./shared-pace.js";

/**
 * A sliding window shared by every instance on one PostgreSQL database: the same rule as the
 * in-memory SlidingWindow (at most `limit` requests in any `windowMs`, counted from when each
 * finished), kept in the database so that N instances together stay inside one budget, and a 429
 * seen by any of them pauses all of them.
 *
 * An instance asks the database for one slot at a time (its own callers queue in order behind
 * that one question), so waiting instances poll at most once each per freed slot. Should the
 * database not answer, the instance falls back to pacing itself alone, as with SQLite: a send may
 * then meet a 429, which is handled, rather than not be made at all.
 */
export class SharedWindow implements RequestPace {
  private turn: Promise<unknown> = Promise.resolve();
  private resumeAt = 0;
  private readonly alone: SlidingWindow;
  private degraded = false;

  constructor(
    private readonly store: Store,
    private readonly lane: string,
    private readonly rule: PaceRule,
    private readonly clock: Clock,
    private readonly log?: Logger,
  ) {
    this.alone = new SlidingWindow(rule.limit, rule.windowMs, clock);
  }

  acquire(onWait?: (ms: number) => void): Promise<() => void> {
    // One question to the database at a time; waiting for a reserved slot's moment is not part of it.
    const granted = this.turn.then(() => this.take(onWait));
    this.turn = granted.catch(() => undefined);
    return granted.then(async (grant) => {
      if (typeof grant === "function") return grant;
      if (grant.afterMs > 0) await this.clock.sleep(grant.afterMs);
      // A pause this instance heard of meanwhile holds a reserved slot too.
      for (let paused = this.resumeAt - this.clock.now(); paused > 0; paused = this.resumeAt - this.clock.now()) {
        await this.clock.sleep(paused);
      }
      return this.release(grant.slot);
    });
  }

  pauseUntil(at: number): void {
    this.resumeAt = Math.max(this.resumeAt, at);
    this.alone.pauseUntil(at);
    pausePaceLane(this.store, this.lane, at - this.clock.now()).catch((error: unknown) =>
      this.log?.warn({ lane: this.lane, error: (error as Error).message }, "could not share a pause with the other instances"),
    );
  }

  /** A slot of the shared window (to use after `afterMs`), or, when the database does not answer, one of this instance's own. */
  private async take(onWait?: (ms: number) => void): Promise<{ slot: number; afterMs: number } | (() => void)> {
    for (;;) {
      const pausedFor = this.resumeAt - this.clock.now();
      if (pausedFor > 0) {
        onWait?.(pausedFor);
        await this.clock.sleep(pausedFor);
        continue;
      }
      let answer: Awaited<ReturnType<typeof takePaceSlot>>;
      try {
        answer = await takePaceSlot(this.store, this.lane, this.rule);
      } catch (error) {
        if (!this.degraded) {
          this.degraded = true;
          this.log?.warn(
            { lane: this.lane, error: (error as Error).message },
            "the shared pace is unreachable; pacing this instance alone",
          );
        }
        return this.alone.acquire(onWait);
      }
      this.degraded = false;
      if ("slot" in answer) return answer;
      onWait?.(answer.waitMs);
      await this.clock.sleep(answer.waitMs);
    }
  }

  private release(slot: number): () => void {
    return () => {
      finishPaceSlot(this.store, slot).catch((error: unknown) =>
        this.log?.warn({ lane: this.lane, error: (error as Error).message }, "could not stamp a shared pace slot"),
      );
    };
  }
}
