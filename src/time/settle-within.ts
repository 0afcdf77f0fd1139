/**
 * Waits for `work` at most `ms` of wall-clock time: `{ done: true, value }` when it finished in time
 * (or failed: the error is thrown), `{ done: false }` otherwise, with `work` left running. Wall-clock,
 * not an injected Clock, on purpose: what it bounds is a caller outside waiting in real time (Teams
 * for an invoke's answer), however simulated the rest of the program's time may be.
 */
export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
