import type restifyModule from "restify";

/**
 * Loads restify only when the server starts: it patches Node's http.ServerResponse as it loads
 * (its writeHead stops returning the response), which other commands need not live with. Its
 * spdy dependency also reads process.binding('http_parser') at load, a deprecation (DEP0111)
 * nobody running the bot can act on, so that one warning is kept off their terminal.
 */
export async function loadRestify(): Promise<typeof restifyModule> {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const code = typeof rest[0] === "object" && rest[0] !== null ? (rest[0] as { code?: string }).code : rest[1];
    if (code === "DEP0111") return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return (await import("restify")).default;
  } finally {
    process.emitWarning = emitWarning;
  }
}
