import type { Logger } from "pino";

/**
 * The server's last line of defence. Every request and every run handles its own failures; should
 * one still escape (a library emitting 'error' with nobody listening, a promise nobody awaited),
 * Node would end the process and, with it, the bot for everyone. For `start` only, such an error is
 * logged, loudly, and the server goes on answering. Returns a function that removes the handlers.
 */
export function keepServing(log: Logger): () => void {
  const onException = (error: unknown) => log.error({ err: error }, "uncaught error; the server keeps running");
  const onRejection = (reason: unknown) => log.error({ err: reason }, "unhandled rejection; the server keeps running");
  process.on("uncaughtException", onException);
  process.on("unhandledRejection", onRejection);
  return () => {
    process.off("uncaughtException", onException);
    process.off("unhandledRejection", onRejection);
  };
}
