import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

/** The URL of a middleware context's request (a string, or a Request with a url). */
export function requestUrl(context: Context): string {
  const request: unknown = context.request;
  return typeof request === "string" ? request : (request as { url: string }).url;
}

/** Links Graph SDK-style middleware in order and runs a request through the chain. */
export function chainMiddleware(middleware: Middleware[]): (context: Context) => Promise<Context> {
  middleware.forEach((m, i) => {
    const next = middleware[i + 1];
    if (next) m.setNext?.(next);
  });
  const first = middleware[0];
  if (!first) throw new Error("an empty middleware chain sends nothing");
  return async (context) => {
    await first.execute(context);
    return context;
  };
}
