import { request } from "node:http";

export interface RawAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * One HTTP request with exactly the headers given (fetch adds and forbids some, Host among them).
 * A connection the server closes early is an answer too: status 0.
 */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: Buffer | string; timeoutMs?: number },
): Promise<RawAnswer> {
  const url = new URL(options.path ?? "/api/messages", baseUrl);
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: options.method ?? "POST", headers: options.headers ?? {}, timeout: options.timeoutMs ?? 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", () => resolve({ status: res.statusCode ?? 0, body: "" }));
      },
    );
    req.on("error", () => resolve({ status: 0, body: "" }));
    req.on("timeout", () => req.destroy());
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
