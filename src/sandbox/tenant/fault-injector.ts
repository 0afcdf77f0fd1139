/** A failure the test wants Graph to produce, e.g. a 503 with Retry-After on the third page. */
export interface GraphFault {
  /** Any method when absent. */
  method?: string;
  /** A string matches the request path exactly, with or without the /v1.0 prefix; a RegExp is tested on the path. */
  path: string | RegExp;
  /** Let this many matching requests through first. */
  skip?: number;
  /** Then fail this many matching requests. */
  times: number;
  status: number;
  code: string;
  message?: string;
  /** Sent as the Retry-After header. */
  retryAfterSeconds?: number;
  /** Hold the request this long (wall-clock) before answering: a Graph that does not answer in time. */
  stallMs?: number;
}

interface ArmedFault {
  fault: GraphFault;
  seen: number;
  fired: number;
}

/**
 * Faults in the order injected. A request is offered to each fault that matches and still has
 * failures left; the first one past its `skip` fires, and the faults after it do not see the request.
 */
export class FaultInjector {
  private readonly armed: ArmedFault[] = [];

  add(fault: GraphFault): void {
    this.armed.push({ fault, seen: 0, fired: 0 });
  }

  clear(): void {
    this.armed.length = 0;
  }

  /** The fault to answer with, if any. */
  take(method: string, path: string): GraphFault | undefined {
    for (const entry of this.armed) {
      const { fault } = entry;
      if (entry.fired >= fault.times || !matches(fault, method, path)) continue;
      if (entry.seen < (fault.skip ?? 0)) {
        entry.seen++;
        continue;
      }
      entry.fired++;
      return fault;
    }
    return undefined;
  }
}

function matches(fault: GraphFault, method: string, path: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (fault.path instanceof RegExp) {
    fault.path.lastIndex = 0;
    return fault.path.test(path);
  }
  return fault.path === path || `/v1.0${fault.path}` === path;
}
