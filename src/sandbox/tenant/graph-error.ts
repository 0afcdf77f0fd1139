/**
 * A failure to answer with Graph's error body. Route handlers throw it; the server turns it into
 * `{ "error": { code, message, innerError } }` with the status and headers given here.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** Teams' Graph endpoints repeat a narrower code in innerError, e.g. AccessDenied under Forbidden. */
    readonly innerCode?: string,
  ) {
    super(message);
    this.name = "GraphError";
  }
}

export function badRequest(message: string): GraphError {
  return new GraphError(400, "BadRequest", message);
}

/** Graph's wording when a directory object is missing. */
export function resourceNotFound(key: string): GraphError {
  return new GraphError(
    404,
    "Request_ResourceNotFound",
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { code?: string; date: string; "request-id": string; "client-request-id": string };
  };
}

export function graphErrorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string,
  atMs: number,
  innerCode?: string,
): GraphErrorBody {
  // Graph's innerError date has no fractional seconds.
  const date = new Date(atMs).toISOString().replace(/\.\d{3}Z$/, "Z");
  const inner = {
    ...(innerCode === undefined ? {} : { code: innerCode }),
    date,
    "request-id": requestId,
    "client-request-id": clientRequestId,
  };
  return { error: { code, message, innerError: inner } };
}
