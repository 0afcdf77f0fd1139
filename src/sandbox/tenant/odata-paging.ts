import { badRequest } from "./graph-error.js";

/** Graph's largest page for directory and report collections. */
export const MAX_PAGE_SIZE = 999;
/** Graph's page size when the caller does not ask for one. */
export const DEFAULT_PAGE_SIZE = 100;

/** `$top`: a whole number from 1 to 999; larger is a 400, as Graph answers. */
export function parseTop(raw: string | undefined, fallback = DEFAULT_PAGE_SIZE): number {
  if (raw === undefined) return fallback;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1) throw badRequest(`Invalid value '${raw}' for $top: it must be a positive integer.`);
  if (top > MAX_PAGE_SIZE) throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`);
  return top;
}

/** `Prefer: odata.maxpagesize=N`, which /users/delta uses instead of $top; clamped to 1..999. */
export function parseMaxPageSize(prefer: string | undefined): number | undefined {
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? "");
  if (match?.[1] === undefined) return undefined;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Number(match[1])));
}

/**
 * `$skiptoken` and `$deltatoken` values. Clients must treat them as opaque; here they carry the
 * cursor and whatever the next page must remember, base64url-encoded JSON tagged with its collection.
 */
export function encodePageToken(collection: string, state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ ...state, c: collection })).toString("base64url");
}

export function decodePageToken(collection: string, raw: string, name = "$skiptoken"): Record<string, unknown> {
  try {
    const state: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (state !== null && typeof state === "object" && (state as Record<string, unknown>).c === collection) {
      return state as Record<string, unknown>;
    }
  } catch {
    // Falls through to the 400 below: a mangled token is the caller's error, not ours.
  }
  throw badRequest(`Invalid ${name} value for this request.`);
}

/** A cursor read back from a token: a non-negative whole number, else a 400. */
export function cursorOf(state: Record<string, unknown>): number {
  const cursor = state.i;
  if (typeof cursor !== "number" || !Number.isInteger(cursor) || cursor < 0) throw badRequest("Invalid $skiptoken value for this request.");
  return cursor;
}
