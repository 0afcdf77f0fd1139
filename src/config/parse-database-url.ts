import type { DatabaseTarget } from "./config.js";

export const defaultDatabaseUrl = "sqlite:./data/mfa-nudge.sqlite";

/**
 * `postgres://` or `postgresql://` selects PostgreSQL; `sqlite:PATH`, `file:PATH` or a bare path
 * selects SQLite (`:memory:` for a throwaway store). Returns undefined for anything else.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget | undefined {
  if (/^postgres(ql)?:\/\//i.test(url)) return URL.canParse(url) ? { kind: "postgres", url } : undefined;
  const path = url.replace(/^(sqlite|file):(\/\/)?/i, "");
  if (path === "" || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return undefined;
  return { kind: "sqlite", path };
}
