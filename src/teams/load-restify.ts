import type restifyModule from "restify";

/**
 * Loads restify only when the server starts: it patches Node's http.ServerResponse as it loads
 * (its writeHead stops returning the response), which other commands need not live with. Its
 * spdy dependency also reads process.binding('http_parser') at load, a deprecation (DEP0111)
 * nobody running the bot can act on, so deprecation warnings are held back while it loads.
 */
export async function loadRestify(): Promise<typeof restifyModule> {
  const before = process.noDeprecation;
  process.noDeprecation = true;
  try {
    return (await import("restify")).default;
  } finally {
    process.noDeprecation = before;
  }
}
