import type { SyncCounts } from "../store/complete-sync-run.js";
import { formatCount, formatElapsed } from "../reports/format-numbers.js";

/**
 * One status line on a terminal, redrawn as pages arrive: pages and rows per stream, elapsed time,
 * and when Graph's report limit makes us wait, for how long. Silent when stderr is not a terminal.
 */
export class SyncProgressLine {
  private counts: SyncCounts = { users: 0, registrations: 0, report_pages: 0, user_pages: 0 };
  private waitingUntil = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly now: () => number,
    private readonly startedAt: number = now(),
  ) {
    if (stream.isTTY) {
      this.timer = setInterval(() => this.draw(), 250);
      this.timer.unref();
    }
  }

  update(counts: SyncCounts): void {
    this.counts = counts;
    this.draw();
  }

  waiting(ms: number): void {
    this.waitingUntil = Math.max(this.waitingUntil, this.now() + ms);
    this.draw();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.stream.isTTY) this.stream.write("\r\x1b[2K");
  }

  private draw(): void {
    if (!this.stream.isTTY) return;
    const c = this.counts;
    const waitMs = this.waitingUntil - this.now();
    const parts = [
      `report: ${formatCount(c.report_pages)} pages, ${formatCount(c.registrations)} people`,
      `directory: ${formatCount(c.user_pages)} pages, ${formatCount(c.users)} users`,
      formatElapsed(this.now() - this.startedAt),
    ];
    if (waitMs > 0) parts.push(`waiting ${Math.ceil(waitMs / 1000)} s for Graph's report limit`);
    this.stream.write(`\r\x1b[2KSyncing · ${parts.join(" · ")}`);
  }
}
