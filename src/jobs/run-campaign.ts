import type { Logger } from "pino";
import type { CampaignPolicy } from "../campaign/policy.js";
import { groupsNamedBy } from "../campaign/policy.js";
import { drainOutbox, type DrainOptions, type DrainTally } from "../delivery/drain-outbox.js";
import type { GraphClient } from "../graph/client/graph-client.js";
import { syncDirectory, type SyncSummary } from "../directory/sync-directory.js";
import type { Store } from "../store/open-store.js";
import type { Clock } from "../time/clock.js";
import { planCampaign, type CampaignPlanSummary } from "./plan-campaign.js";
import { planAdminReport } from "./plan-admin-report.js";
import { diagnose, planAlert } from "./plan-alert.js";
import { digestsMayBeDue, gatherPendingByManager, planDigests } from "./plan-digests.js";
import { recordStatus } from "../reports/record-status.js";
import type { PendingPerson } from "../reports/describe-pending.js";
import { queueDecisions } from "./queue-decisions.js";
import { releaseHeld } from "../store/outbox.js";
import { readSignInLog, type SignInLogRead } from "../directory/read-sign-in-log.js";

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
  /** Undefined when the sync was skipped. */
  readonly signIns: SignInLogRead | undefined;
  readonly plan: CampaignPlanSummary;
  readonly queued: number;
  readonly delivery: DrainTally;
}

/**
 * One campaign run: read the directory, decide who is due (and, on their day, which managers get
 * a digest, whether the admins' daily report is due), queue it, send it. When the run shows that
 * delivery or Graph has stopped working, the admins' channel is told at once.
 */
export async function runCampaign(options: CampaignRunOptions): Promise<CampaignRunSummary> {
  const { store, graph, policy, clock, log } = options;
  try {
    const sync = options.skipSync
      ? undefined
      : await syncDirectory({ graph, store, clock, log, groupIds: [...groupsNamedBy(policy), ...(options.extraGroupIds ?? [])] });
    // Who Entra ID stopped at sign-in since the last run: they get the help card instead of the day's reminder.
    const signIns = options.skipSync ? undefined : await readSignInLog({ graph, store, clock, log });
    let queued = 0;
    const now = clock.now();
    // On digest day the one pass over everyone also gathers each manager's people.
    const pendingByManager = (await digestsMayBeDue(store, policy, now)) ? new Map<string, PendingPerson[]>() : undefined;
    const plan = await planCampaign(
      store,
      policy,
      now,
      async (page) => {
        queued += await queueDecisions(store, page, new Date(clock.now()));
      },
      pendingByManager && gatherPendingByManager(policy, now, pendingByManager),
    );
    if (plan.status) await recordStatus(store, plan.status, policy.timeZone);
    if (pendingByManager && plan.status) {
      const organisation = { members: plan.status.inScope, registered: plan.status.registered };
      queued += await planDigests(store, policy, now, { pendingByManager, teamOf: plan.teamOf, organisation });
    }
    queued += await planAdminReport(store, policy, now, plan.status);
    log.info({ remind: plan.remind, escalate: plan.escalate, queued }, "campaign planned");
    // Messages held for a broken setup get another try each run: the admins may have fixed it.
    await releaseHeld(store, new Date(clock.now()));
    const delivery = await drainOutbox({ ...options.delivery, store, clock, log });
    log.info(delivery, "outbox drained");
    await alertIfBroken(options, delivery, undefined);
    return { sync, signIns, plan, queued, delivery };
  } catch (error) {
    await alertIfBroken(options, undefined, error);
    throw error;
  }
}

async function alertIfBroken(options: CampaignRunOptions, delivery: DrainTally | undefined, error: unknown): Promise<void> {
  const found = diagnose(delivery, error);
  if (!found) return;
  options.log.warn(found, "delivery problem; alerting the admins");
  if ((await planAlert(options.store, options.policy, options.clock.now(), found)) > 0) {
    // Only the alert is ready to go now; this drain sends it without waiting for retries.
    await drainOutbox({ ...options.delivery, store: options.store, clock: options.clock, log: options.log, stopWhenIdle: true }).catch(
      (failure: unknown) => options.log.error({ err: failure }, "could not send the alert"),
    );
  }
}
