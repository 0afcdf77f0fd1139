import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import { readConfig } from "../config/read-config.js";
import { createGraphClient, type GraphClient } from "../graph/client/graph-client.js";
import type { PaceEvents } from "../graph/client/pace-handler.js";
import { createTokenProvider } from "../graph/client/token-provider.js";
import { createLogger } from "../log/create-logger.js";
import { openStore, type Store } from "../store/open-store.js";
import { systemClock, type Clock } from "../time/clock.js";

/** What a command works with: settings, a logger, the store and, on demand, Graph. */
export interface Runtime {
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly store: Store;
  /** For HTTP beyond Graph (the bot's sign-in check); tests inject theirs. */
  readonly fetch: typeof fetch;
  graph(events?: PaceEvents): GraphClient;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Commands that print for people log quietly unless LOG_LEVEL says otherwise. */
  readonly defaultLogLevel: string;
  readonly clock?: Clock;
  readonly fetch?: typeof fetch;
}

export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const config = readConfig(options.env);
  const log = createLogger(config.logLevel ?? options.defaultLogLevel);
  const clock = options.clock ?? systemClock;
  const store = await openStore(config.database, log);
  return {
    config,
    log,
    clock,
    store,
    fetch: options.fetch ?? fetch,
    graph: (events) =>
      createGraphClient({
        baseUrl: config.graph.baseUrl,
        tokens: createTokenProvider(config.graph.auth, config.graph.baseUrl),
        clock,
        reportsPace: config.graph.reportsPace,
        timeoutMs: config.graph.timeoutMs,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(events ? { events } : {}),
      }),
    close: () => store.close(),
  };
}
