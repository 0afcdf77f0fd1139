/*
 * Bot Framework tokens are about 1.5 KB; 16 KB leaves room for any claim set and keeps a huge
 * header from reaching the JWT library.
 */
const maxTokenLength = 16 * 1024;
const base64url = /^[A-Za-z0-9_-]+$/;

/**
 * Whether an Authorization header could be a Bot Framework token at all: `Bearer` and a JWT of
 * three base64url parts whose header names RS256 (the only algorithm the Bot Framework signs with)
 * and a key id, and whose payload is a JSON object. Anything else is refused before the signing
 * keys are looked up, so a malformed or `alg: none` token costs no network call and reaches no
 * library code.
 */
export function isWellFormedBearer(authorization: string | undefined): boolean {
  if (!authorization?.startsWith("Bearer ")) return false;
  const token = authorization.slice("Bearer ".length);
  if (token.length > maxTokenLength) return false;
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((p) => base64url.test(p))) return false;
  const header = decodeJsonObject(parts[0] as string);
  const payload = decodeJsonObject(parts[1] as string);
  if (!header || !payload) return false;
  if (header.alg !== "RS256" || typeof header.kid !== "string" || header.kid === "") return false;
  return header.typ === undefined || header.typ === "JWT";
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
