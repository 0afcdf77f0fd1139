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
        ...context.options,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new AppError(
        ErrorCode.GraphUnreachable,
        `Could not reach Graph at ${new URL(url).origin} (${context.options?.method ?? "GET"} ${new URL(url).pathname}): ` +
          `${describeFetchError(error)}`,
        {
          cause: error,
          hint: "Check GRAPH_BASE_URL and that this host can reach it (proxy, firewall, DNS).",
        },
      );
    }
  }
}

/** fetch says only "fetch failed"; the reason (refused, reset, DNS, TLS) is in its cause. */
function describeFetchError(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  return [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(": ");
}
