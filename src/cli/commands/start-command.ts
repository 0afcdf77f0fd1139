import type { Command } from "commander";
import cron from "node-cron";
import { readCampaign } from "../../config/read-campaign.js";
import { runCampaign, type CampaignRunSummary } from "../../jobs/run-campaign.js";
import { isAppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";
import { asLostConnection } from "../../store/lost-connection.js";
import { chooseListenHost } from "../../teams/choose-listen-host.js";
import { serveBot } from "../../app/serve-bot.js";
import type { CliIo } from "../cli-io.js";
import { openRuntime } from "../../app/open-runtime.js";
import { keepServing } from "../../app/keep-serving.js";
import { resolveCatalogAppId } from "../../app/resolve-catalog-app-id.js";

export function registerStartCommand(program: Command, io: CliIo): void {
  program
    .command("start")
    .description("Run the bot: /api/messages for Teams, /healthz, and the campaign on its schedule")
    .option("--no-schedule", "serve Teams only; run the campaign with run-once instead")
    .addHelpText(
      "after",
      "\nWith BOT_ID and BOT_PASSWORD set it verifies every request from Teams and listens on HOST (default 0.0.0.0).\n" +
        "Without them it runs in local mode: no authentication, so it listens on 127.0.0.1 only.\n\nExample:\n  PORT=3978 mfa-nudge start",
    )
    .action(async (options: { schedule: boolean }) => {
      const runtime = await openRuntime({ env: io.env, defaultLogLevel: "info" });
      const { config, log, store, clock } = runtime;
      const stopKeeping = keepServing(log);
      const policy = readCampaign(config.campaignFile);
      const { host, local } = chooseListenHost(config);
      // The Teams SDK is loaded by the commands that serve or send only: `sync` and `status` stay light.
      const { openBot } = await import("../../app/open-bot.js");
      const bot = openBot(runtime, policy, await resolveCatalogAppId(config, runtime.graph(), log));
      let running: Promise<CampaignRunSummary> | undefined;
      // What /healthz may say about the last run: when, and its outcome as a code. The error's
      // text (Graph's messages, host names) goes to the log and the admins' alert, not to anyone
      // who can reach the port.
      let lastRun: { at: string; outcome: string } | null = null;

      const server = await serveBot(bot, runtime, {
        host,
        port: config.server.port,
        health: () => Promise.resolve({ status: lastRun === null || lastRun.outcome === "ok" ? "ok" : "degraded", lastRun }),
      });
      io.stdout.write(
        `mfa-nudge is listening on ${server.url}/api/messages${local ? " in local mode: no credentials, so loopback only" : ""}\n`,
      );

      const task = options.schedule
        ? cron.schedule(
            policy.schedule,
            async () => {
              // node-cron's noOverlap skips a tick while the previous run is still going; this guard
              // also covers a run started some other way.
              if (running) return;
              running = runCampaign({
                store,
                graph: runtime.graph(),
                policy,
                clock,
                log,
                delivery: { ...bot.delivery },
                syncSchedule: config.sync,
              });
              try {
                const summary = await running;
                // Teams stopped answering mid-run: the run ended early and the rest waits for the next tick.
                const outcome = summary.delivery.halted ? ErrorCode.TeamsSendFailed : "ok";
                lastRun = { at: new Date(clock.now()).toISOString(), outcome };
              } catch (error) {
                lastRun = {
                  at: new Date(clock.now()).toISOString(),
                  outcome: isAppError(error) ? error.code : (asLostConnection(error)?.code ?? "unexpected_failure"),
                };
                log.error({ err: error }, "campaign run failed");
              } finally {
                running = undefined;
              }
            },
            { timezone: policy.timeZone, noOverlap: true, name: "campaign" },
          )
        : undefined;
      if (task) io.stdout.write(`Campaign "${policy.name}" runs on "${policy.schedule}" (${policy.timeZone}).\n`);

      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      await task?.stop();
      // A run in progress finishes before the store closes; its failure was already logged by the tick.
      if (running) await running.catch(() => undefined);
      await server.close();
      await runtime.close();
      stopKeeping();
    });
}
