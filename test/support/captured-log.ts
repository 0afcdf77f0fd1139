import { Writable } from "node:stream";
import { pino, type Level, type Logger } from "pino";

/** A logger whose JSON lines the test can read back, at `level` and above. */
export function capturedLog(level: Level = "info"): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level, base: undefined, timestamp: false }, stream), lines };
}
