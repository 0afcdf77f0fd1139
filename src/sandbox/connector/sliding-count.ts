/** A server-side sliding window: counts what it accepted in the last `windowMs`. */
export class SlidingCount {
  private readonly stamps: number[] = [];

  constructor(private readonly rule: { readonly limit: number; readonly windowMs: number }) {}

  /** Takes a slot at `now` and returns 0, or returns how long until a slot frees (ms) without taking one. */
  tryTake(now: number): number {
    while (this.stamps.length > 0 && (this.stamps[0] as number) <= now - this.rule.windowMs) this.stamps.shift();
    if (this.stamps.length >= this.rule.limit) return Math.max(1, (this.stamps[0] as number) + this.rule.windowMs - now);
    this.stamps.push(now);
    return 0;
  }
}
