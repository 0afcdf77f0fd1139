import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import { readConfig } from "../config/read-config.js";
import { createGraphClient, type GraphClient } from "../graph/client/graph-client.js";
import type { PaceEvents } from "../graph/client/pace-handler.js";
import { createTokenProvider } from "../graph/client/token-provider.js";
import { createLogger } from "../log/create-logger.js";
import { openStore, type Store } from "../store/open-store.js";
import { systemClock, type Clock } from "../time/clock.js";
import type { RequestPace } from "../time/sliding-window.js";
import { openPace } from "./open-pace.js";

/** What a command works with: settings, a logger, the store and, on demand, Graph. */
export interface Runtime {
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly store: Store;
  /** Teams' 50 requests/s per bot per tenant: one window for every send and reply (shared by all instances on PostgreSQL). */
  readonly teamsPace: RequestPace;
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
  // The shared paces ask the database for every request to Teams and to the reports; a pool of
  // their own keeps them from queueing behind the outbox's queries when every lane is busy.
  const paceStore = config.database.kind === "postgres" ? await openStore(config.database, log) : store;
  // Graph's identity-reports quota is per app per tenant: every Graph client of this process, and
  // on PostgreSQL every instance, reads the report and checks people live through this one lane.
  const reportsPace = openPace(
    paceStore,
    "graph-reports",
    { ...config.graph.reportsPace, staleMs: 2 * config.graph.timeoutMs },
    clock,
    log,
  );
  const teamsPace = openPace(
    paceStore,
    `teams:${config.teams.bot?.appId ?? "local"}:${config.teams.tenantId ?? "any"}`,
    { ...config.teams.pace, staleMs: 2 * config.teams.timeoutMs },
    clock,
    log,
  );
  return {
    config,
    log,
    clock,
    store,
    teamsPace,
    fetch: options.fetch ?? fetch,
    graph: (events) =>
      createGraphClient({
        baseUrl: config.graph.baseUrl,
        tokens: createTokenProvider(config.graph.auth, config.graph.baseUrl),
        clock,
        reportsPace: config.graph.reportsPace,
        reportsWindow: reportsPace,
        timeoutMs: config.graph.timeoutMs,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(events ? { events } : {}),
      }),
    close: async () => {
      await store.close();
      if (paceStore !== store) await paceStore.close();
    },
  };
}
