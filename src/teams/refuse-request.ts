import type { IncomingHttpHeaders } from "node:http";
import { isLoopbackHost } from "../config/is-loopback-host.js";

export interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * What the headers alone say about a request, before its body is read. Teams posts JSON, in
 * UTF-8, unencoded; anything else is refused (415), which also keeps a decompressor that could
 * fail or balloon away from the body. In local mode nobody is authenticated, so the server answers
 * only programs on this machine: a browser marks what a web page sends with Origin or
 * Sec-Fetch-Site, and a Host that is not loopback means a DNS name was rebound to 127.0.0.1.
 */
export function refuseRequest(
  headers: IncomingHttpHeaders,
  options: { readonly local: boolean; readonly hasBody: boolean },
): Refusal | undefined {
  if (options.local) {
    if (headers.origin !== undefined || headers["sec-fetch-site"] === "cross-site") {
      return { status: 403, code: "Forbidden", message: "in local mode the bot answers programs on this machine, not web pages" };
    }
    if (!isLoopbackHostHeader(headers.host)) {
      return { status: 403, code: "Forbidden", message: "in local mode the bot answers only requests addressed to a loopback host" };
    }
  }
  if (!options.hasBody) return undefined;
  const encoding = headers["content-encoding"]?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== "" && encoding !== "identity") {
    return { status: 415, code: "UnsupportedMediaType", message: "the body must not be encoded (no Content-Encoding)" };
  }
  if (!isJsonUtf8(headers["content-type"])) {
    return { status: 415, code: "UnsupportedMediaType", message: "expected Content-Type: application/json" };
  }
  return undefined;
}

function isJsonUtf8(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  const charset = parameters
    .find((p) => p.startsWith("charset="))
    ?.slice("charset=".length)
    .replace(/"/g, "");
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}

function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host || !URL.canParse(`http://${host}`)) return false;
  return isLoopbackHost(new URL(`http://${host}`).hostname);
}
