import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { isSecureOrLoopback } from "../../config/is-loopback-host.js";
import { requestUrl } from "./middleware-chain.js";
import type { TokenProvider } from "./token-provider.js";

/**
 * Adds the bearer token, but only to requests for the configured Graph origin, and only over https
 * (or to this machine): a nextLink that pointed anywhere else must never receive our token. (The SDK's AuthenticationHandler does the
 * same check but only recognises https hosts, which rules out a simulated tenant on 127.0.0.1.)
 */
export class BearerTokenHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly tokens: TokenProvider,
    private readonly origin: string,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = requestUrl(context);
    if (new URL(url).origin !== this.origin) {
      throw new Error(`refusing to send the Graph token to ${new URL(url).origin}`);
    }
    // The configuration already insists on https beyond loopback; this holds for any caller.
    if (!isSecureOrLoopback(url)) throw new Error(`refusing to send the Graph token over plain http to ${new URL(url).host}`);
    const token = await this.tokens.getToken();
    const headers = new Headers(context.options?.headers);
    headers.set("Authorization", `Bearer ${token}`);
    context.options = { ...context.options, headers: Object.fromEntries(headers) };
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
