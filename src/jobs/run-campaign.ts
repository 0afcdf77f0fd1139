import type { Logger } from "pino";
import type { CampaignPolicy } from "../campaign/policy.js";
import { groupsNamedBy } from "../campaign/policy.js";
import { drainOutbox, type DrainOptions, type DrainTally } from "../delivery/drain-outbox.js";
import type { GraphClient } from "../directory/graph/graph-client.js";
import { syncDirectory, type SyncSummary } from "../directory/sync-directory.js";
import type { Store } from "../store/open-store.js";
import type { Clock } from "../time/clock.js";
import { planCampaign, type CampaignPlanSummary } from "./plan-campaign.js";
import { queueDecisions } from "./queue-decisions.js";

export interface CampaignRunOptions {
  readonly store: Store;
  readonly graph: GraphClient;
  readonly policy: CampaignPolicy;
  readonly clock: Clock;
  readonly log: Logger;
  readonly delivery: Omit<DrainOptions, "store" | "clock" | "log">;
  /** Extra groups to read with the directory (the admins' group). */
  readonly extraGroupIds?: readonly string[];
  /** Skip the sync (the demo and tests that drive the directory themselves). */
  readonly skipSync?: boolean;
}

export interface CampaignRunSummary {
  readonly sync: SyncSummary | undefined;
  readonly plan: CampaignPlanSummary;
  readonly queued: number;
  readonly delivery: DrainTally;
}

/** One campaign run: read the directory, decide who is due, queue it, send it. */
export async function runCampaign(options: CampaignRunOptions): Promise<CampaignRunSummary> {
  const { store, graph, policy, clock, log } = options;
  const sync = options.skipSync
    ? undefined
    : await syncDirectory({ graph, store, clock, log, groupIds: [...groupsNamedBy(policy), ...(options.extraGroupIds ?? [])] });
  let queued = 0;
  const plan = await planCampaign(store, policy, clock.now(), async (page) => {
    queued += await queueDecisions(store, page, new Date(clock.now()));
  });
  log.info({ ...plan, queued }, "campaign planned");
  const delivery = await drainOutbox({ ...options.delivery, store, clock, log });
  log.info(delivery, "outbox drained");
  return { sync, plan, queued, delivery };
}
