import { AppError } from "../errors/app-error.js";
import { exitStatusFor } from "../errors/error-code.js";
import { asLostConnection } from "../store/lost-connection.js";

/**
 * The one place a command's failure reaches the person at the terminal: what went wrong, what to
 * do about it, and the exit status (2 for configuration to fix, 1 otherwise).
 */
export function reportFailure(failure: unknown, write: (text: string) => void = (t) => process.stderr.write(t)): number {
  const error = asLostConnection(failure) ?? failure;
  if (error instanceof AppError) {
    write(`mfa-nudge: ${error.message}\n`);
    if (error.hint) write(`  ${error.hint}\n`);
    return exitStatusFor(error.code);
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write(`mfa-nudge: unexpected failure: ${text}\n`);
  return 1;
}
