import type { IncomingMessage } from "node:http";

export type BodyResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 413; readonly message: string }
  | { readonly ok: false; readonly status: 0; readonly message: string };

/*
 * Activities nest a few levels (an Adaptive Card action's data inside value inside the activity);
 * 64 is far beyond any Teams payload and keeps a deeply nested body from reaching code that
 * recurses over it.
 */
const maxDepth = 64;

/**
 * Reads a request body of at most `maxBytes` and parses it as JSON. Refuses early on a
 * Content-Length over the limit, stops reading once the limit is passed, and reports a client that
 * went away (status 0: nobody is left to answer). Never throws.
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.resolve({ ok: false, status: 413, message: `the body is larger than ${maxBytes} bytes` });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        // Keep draining without storing, so the 413 reaches a client that is still sending.
        settle({ ok: false, status: 413, message: `the body is larger than ${maxBytes} bytes` });
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", () => settle({ ok: false, status: 0, message: "the client went away" }));
    req.on("aborted", () => settle({ ok: false, status: 0, message: "the client went away" }));
    req.on("end", () => settle(parse(Buffer.concat(chunks, size))));
  });
}

function parse(raw: Buffer): BodyResult {
  const text = raw.toString("utf8");
  if (nestingDepth(text) > maxDepth) return { ok: false, status: 400, message: `the JSON is nested deeper than ${maxDepth} levels` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: "the body is not valid JSON" };
  }
}

/** The deepest nesting of arrays and objects, skipping string contents; stops counting once past the limit. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > maxDepth) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
}
