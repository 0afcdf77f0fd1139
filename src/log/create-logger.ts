import { pino, type Logger } from "pino";

/**
 * JSON logs on stderr, so stdout stays for what a command prints (tables, --json output).
 * Fixed message texts with data in fields; object ids only, no names or addresses at info level.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: "mfa-nudge" } }, pino.destination({ fd: 2, sync: true }));
}
