import { AppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";

/*
 * PostgreSQL ends a connection with SQLSTATE class 57 (57P01 admin shutdown, 57P02 crash shutdown,
 * 57P03 cannot connect now) or a class 08 connection exception; node-postgres adds its own words
 * when the socket simply closes.
 */
const lostCodes = /^(57P0[123]|08\d{3})$/;
const lostMessages = /^(Connection terminated|Client has encountered a connection error)/;

/**
 * A query that failed because the database dropped its connection (a restart, a failover, an idle
 * cut), as a coded error: the work in flight is lost, the pool is not, and the next run starts on
 * a fresh connection. Undefined for any other failure.
 */
export function asLostConnection(error: unknown): AppError | undefined {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === "string" ? e.code : "";
  const message = typeof e?.message === "string" ? e.message : "";
  if (!lostCodes.test(code) && !lostMessages.test(message)) return undefined;
  return new AppError(ErrorCode.StoreFailed, `The database dropped the connection mid-run: ${message.split("\n")[0] ?? ""}`, {
    cause: error,
    hint: "Nothing is lost: run the command again once the database is back (start's schedule does so at its next tick).",
  });
}
