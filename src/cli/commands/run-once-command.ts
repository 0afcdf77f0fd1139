import type { Command } from "commander";
import { readCampaign } from "../../config/read-campaign.js";
import { AppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";
import { runCampaign } from "../../jobs/run-campaign.js";
import { formatCount } from "../../reports/format-numbers.js";
import type { CliIo } from "../cli-io.js";
import { openBot } from "../../app/open-bot.js";
import { openRuntime } from "../../app/open-runtime.js";
import { resolveCatalogAppId } from "../../app/resolve-catalog-app-id.js";

export function registerRunOnceCommand(program: Command, io: CliIo): void {
  program
    .command("run-once")
    .description("Sync, plan and deliver once, wait until the outbox is drained, print a summary and exit")
    .addHelpText(
      "after",
      "\nExits 1 when a message failed for good, the Teams app setup keeps the bot from installing itself, or the sync failed; " +
        "people Teams refused are reported, not failures.\n\nExample:\n  mfa-nudge run-once",
    )
    .action(async () => {
      const runtime = await openRuntime({ env: io.env, defaultLogLevel: "warn", ...(io.fetch ? { fetch: io.fetch } : {}) });
      try {
        const policy = readCampaign(runtime.config.campaignFile);
        const bot = openBot(runtime, policy, await resolveCatalogAppId(runtime.config, runtime.graph(), runtime.log));
        const result = await runCampaign({
          store: runtime.store,
          graph: runtime.graph(),
          policy,
          clock: runtime.clock,
          log: runtime.log,
          delivery: bot.delivery,
        });
        const d = result.delivery;
        io.stdout.write(
          `${result.sync ? `Synced ${formatCount(result.sync.users)} users. ` : ""}` +
            `Planned ${formatCount(result.plan.remind)} reminders and ${formatCount(result.plan.escalate)} escalations ` +
            `(${formatCount(result.queued)} new). ` +
            `Sent ${formatCount(d.sent)}${d.installed ? ` (installed the bot for ${formatCount(d.installed)})` : ""}, ` +
            `unreachable ${formatCount(d.unreachable)}, failed ${formatCount(d.failed)}` +
            `${d.held ? `, held ${formatCount(d.held)} until the Teams app setup is fixed` : ""}.\n`,
        );
        if (result.signIns && !result.signIns.read) {
          io.stdout.write(`Sign-in log not read: ${result.signIns.problem}. ${result.signIns.hint}\n`);
        }
        if (d.halted) {
          throw new AppError(
            ErrorCode.TeamsSendFailed,
            `Teams stopped answering (${d.halted}); the unsent messages wait for the next run.`,
            {
              hint: "Check that this host reaches TEAMS_SERVICE_URL; TEAMS_TIMEOUT sets how long one send may take.",
            },
          );
        }
        if (d.held > 0) {
          throw new AppError(ErrorCode.TeamsSetupBroken, `${formatCount(d.held)} messages are held: ${d.setupProblem ?? ""}`, {
            hint:
              "Nobody was marked unreachable for it, and the admins' channel was alerted. Fix the setting named above; " +
              "the next run sends them.",
          });
        }
        if (d.failed > 0) {
          throw new AppError(ErrorCode.TeamsSendFailed, `${formatCount(d.failed)} messages failed for good.`, {
            hint: "Their errors are in the log and in the outbox's last_error; they are not retried by later runs.",
          });
        }
      } finally {
        await runtime.close();
      }
    });
}
