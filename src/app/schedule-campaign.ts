import cron, { type ScheduledTask } from "node-cron";
import type { CampaignPolicy } from "../campaign/policy.js";
import { isAppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import { runCampaign, type CampaignRunSummary } from "../jobs/run-campaign.js";
import { runAsLeader, takeTick } from "../store/leadership.js";
import { asLostConnection } from "../store/lost-connection.js";
import type { Bot } from "./open-bot.js";
import type { Runtime } from "./open-runtime.js";

export interface ScheduledCampaign {
  /** When the last run this instance led ended, and how (an error code, never its text). */
  lastRun(): { at: string; outcome: string } | null;
  /** Whether a tick of this instance is under way (leading a run, or finding out that another leads). */
  busy(): boolean;
  /** No more ticks; resolves once a run under way has ended (its drain told to stop separately). */
  stop(): Promise<void>;
}

/**
 * The campaign on its schedule. Every instance keeps the schedule; at each tick one leads: the
 * one that takes the campaign's advisory lock (PostgreSQL) and is first to record the tick. The
 * others skip the tick quietly and keep serving Teams. A leader that dies mid-run lets go of its
 * lock with its connection; the next tick has a new leader, whose drain takes the dead sender's
 * claims back.
 */
export function scheduleCampaign(runtime: Runtime, bot: Bot, policy: CampaignPolicy): ScheduledCampaign {
  const { store, clock, log } = runtime;
  let running: Promise<void> | undefined;
  let last: { at: string; outcome: string } | null = null;

  const tick = async (scheduled: Date) => {
    // Instances' timers fire a moment apart; the tick is named by the instant it was due, to the second.
    const due = new Date(Math.floor(scheduled.getTime() / 1000) * 1000).toISOString();
    let summary: CampaignRunSummary | undefined;
    try {
      const outcome = await runAsLeader(store, "campaign", async () => {
        if (!(await takeTick(store, "campaign", due, new Date(clock.now())))) return undefined;
        return runCampaign({
          store,
          graph: runtime.graph(),
          policy,
          clock,
          log,
          delivery: { ...bot.delivery },
          syncSchedule: runtime.config.sync,
        });
      });
      if (!outcome.led || !outcome.result) {
        log.debug({ tick: due }, "another instance runs this tick");
        return;
      }
      summary = outcome.result;
      // Teams stopped answering mid-run: the run ended early and the rest waits for the next tick.
      last = { at: new Date(clock.now()).toISOString(), outcome: summary.delivery.halted ? ErrorCode.TeamsSendFailed : "ok" };
    } catch (error) {
      last = {
        at: new Date(clock.now()).toISOString(),
        outcome: isAppError(error) ? error.code : (asLostConnection(error)?.code ?? "unexpected_failure"),
      };
      log.error({ err: error }, "campaign run failed");
    }
  };

  const task: ScheduledTask = cron.schedule(
    policy.schedule,
    async (context) => {
      // A tick while the previous run is still going is skipped here. Not node-cron's noOverlap:
      // it says so on stderr in a line of its own, which breaks the JSON log operators parse.
      if (running) return;
      running = tick(context.date).finally(() => (running = undefined));
      await running;
    },
    { timezone: policy.timeZone, name: "campaign" },
  );

  return {
    lastRun: () => last,
    busy: () => running !== undefined,
    stop: async () => {
      await task.stop();
      await running;
    },
  };
}
