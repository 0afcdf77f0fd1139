import type { ServerResponse } from "node:http";
import { GraphError, graphErrorBody } from "./graph-error.js";
import type { GraphReply } from "./graph-route.js";

/** What Graph sends with a successful JSON body; errors go out as plain application/json. */
const JSON_CONTENT_TYPE = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

/** The ids Graph stamps on every response and repeats in an error's innerError. */
export interface RequestIds {
  "request-id": string;
  "client-request-id": string;
}

/** Any failure as Graph's error body; an unexpected exception becomes a 500 rather than a crash. */
export function errorReply(error: unknown, ids: RequestIds, atMs: number): GraphReply {
  const graphError =
    error instanceof GraphError
      ? error
      : new GraphError(
          500,
          "InternalServerError",
          `The simulated tenant failed: ${error instanceof Error ? error.message : String(error)}`,
        );
  return {
    status: graphError.status,
    body: graphErrorBody(graphError.code, graphError.message, ids["request-id"], ids["client-request-id"], atMs, graphError.innerCode),
    headers: { "content-type": "application/json", ...graphError.headers },
  };
}

export function sendGraphReply(response: ServerResponse, reply: GraphReply, ids: RequestIds): void {
  const headers: Record<string, string> = { ...ids, ...reply.headers };
  if (reply.body === undefined) {
    // Not chained: restify, loaded in the same process by the bot, replaces writeHead with one
    // that returns nothing.
    response.writeHead(reply.status, { ...headers, "content-length": "0" });
    response.end();
    return;
  }
  // One page at a time: a page is at most 999 rows, so the whole tenant never sits in one string.
  const text = JSON.stringify(reply.body);
  response.writeHead(reply.status, { "content-type": JSON_CONTENT_TYPE, ...headers, "content-length": String(Buffer.byteLength(text)) });
  response.end(text);
}
