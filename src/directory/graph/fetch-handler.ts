import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { requestUrl } from "./middleware-chain.js";
import { AppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";

/** The end of the chain: sends the request with the injected fetch (tests and the demo pass their own). */
export class FetchHandler implements Middleware {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    try {
      context.response = await this.fetchImpl(url, {
        ...(context.options),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new AppError(ErrorCode.GraphUnreachable, `Could not reach Graph at ${new URL(url).origin}: ${(error as Error).message}`, {
        cause: error,
        hint: "Check GRAPH_BASE_URL and that this host can reach it (proxy, firewall, DNS).",
      });
    }
  }
}
