import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { isAppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";
import type { Clock } from "../../time/clock.js";

/**
 * Tries again when Graph could not be reached or did not answer in time (FetchHandler's timeout),
 * a few times with a growing pause. The SDK's RetryHandler retries only answers (429, 503, 504);
 * a request that got none would otherwise fail the whole sync on one dropped connection. Sits above
 * the pacing, so each try is paced like any other request.
 */
export class NetworkRetryHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly maxRetries = 2,
    private readonly firstDelayMs = 1000,
  ) {}

  async execute(context: Context): Promise<void> {
    for (let retry = 0; ; retry += 1) {
      try {
        await this.next?.execute(context);
        return;
      } catch (error) {
        if (!isAppError(error, ErrorCode.GraphUnreachable) || retry >= this.maxRetries) throw error;
        await this.clock.sleep(this.firstDelayMs * 2 ** retry);
      }
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
