import type { IncomingMessage } from "node:http";
import { GraphError } from "./graph-error.js";

/** Graph refuses larger payloads; nothing the bot sends comes close. */
const MAX_BODY_BYTES = 1_048_576;

/** The whole request body as text; a body over 1 MiB is a 413 rather than unbounded memory. */
export function readRequestBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new GraphError(413, "Request_EntityTooLarge", `The request body exceeds ${MAX_BODY_BYTES} bytes.`));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
