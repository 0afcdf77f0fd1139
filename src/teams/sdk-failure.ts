/** What the Bot Framework SDK threw, as the rest of the bot reads it. */
export interface SdkFailure {
  /** The HTTP status Teams answered; 0 when there was no answer (a timeout, a network failure). */
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly retryAfterMs: number | undefined;
}

/**
 * The SDK throws RestErrors carrying statusCode, the connector's error code and the response (with
 * Retry-After on a 429); the paced client's own failures carry a code and no status.
 */
export function describeSdkFailure(error: unknown): SdkFailure {
  const e = error as {
    statusCode?: number;
    code?: string;
    message?: string;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  const retryAfter = Number(e.response?.headers?.get?.("retry-after"));
  return {
    status: typeof e.statusCode === "number" ? e.statusCode : 0,
    code: typeof e.code === "string" ? e.code : "NetworkError",
    message: typeof e.message === "string" ? e.message : JSON.stringify(error),
    retryAfterMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
  };
}
