import type { Clock } from "../time/clock.js";
import { SlidingWindow } from "../time/sliding-window.js";

/*
 * Teams' limits per conversation, on top of the 50 a second per bot per tenant: 7 a second, 60 in
 * 30 seconds, 1,800 an hour (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit,
 * "Per bot per thread limit"). Replies to a burst of commands in one chat meet these first.
 */
const perConversation = [
  { limit: 7, windowMs: 1000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1800, windowMs: 3_600_000 },
];

interface Lane {
  readonly windows: SlidingWindow[];
  inFlight: number;
  lastUsed: number;
}

/** One set of sliding windows per conversation, forgotten an hour after the conversation's last request. */
export class ConversationPace {
  private readonly lanes = new Map<string, Lane>();
  private lastPrune = 0;

  constructor(
    private readonly clock: Clock,
    private readonly limits: readonly { limit: number; windowMs: number }[] = perConversation,
  ) {}

  /** Waits until the conversation may take one more request; call the returned function when it has completed. */
  async acquire(conversationId: string): Promise<() => void> {
    this.prune();
    let lane = this.lanes.get(conversationId);
    if (!lane) {
      lane = {
        windows: this.limits.map((l) => new SlidingWindow(l.limit, l.windowMs, this.clock)),
        inFlight: 0,
        lastUsed: this.clock.now(),
      };
      this.lanes.set(conversationId, lane);
    }
    lane.inFlight += 1;
    const releases: (() => void)[] = [];
    for (const window of lane.windows) releases.push(await window.acquire());
    const held = lane;
    return () => {
      for (const release of releases) release();
      held.inFlight -= 1;
      held.lastUsed = this.clock.now();
    };
  }

  private prune(): void {
    const now = this.clock.now();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    const longest = Math.max(...this.limits.map((l) => l.windowMs));
    for (const [id, lane] of this.lanes) if (lane.inFlight === 0 && now - lane.lastUsed > longest) this.lanes.delete(id);
  }
}
