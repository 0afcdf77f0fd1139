import type { Command } from "commander";
import { readCampaign } from "../../config/read-campaign.js";
import { senderPrefix } from "../../delivery/drain-outbox.js";
import { releaseClaimsOf } from "../../store/outbox.js";
import { storeReadiness } from "../../store/store-readiness.js";
import { chooseListenHost } from "../../teams/choose-listen-host.js";
import { settleWithin } from "../../time/settle-within.js";
import { serveBot } from "../../app/serve-bot.js";
import type { CliIo } from "../cli-io.js";
import { openRuntime } from "../../app/open-runtime.js";
import { keepServing } from "../../app/keep-serving.js";
import { resolveCatalogAppId } from "../../app/resolve-catalog-app-id.js";
import { holdSqliteStore } from "../../app/hold-sqlite-store.js";
import { scheduleCampaign } from "../../app/schedule-campaign.js";

/* On PostgreSQL every instance looks for messages ready to send this often, so that all of them share a run's sending. */
const helpEveryMs = 5_000;

export function registerStartCommand(program: Command, io: CliIo): void {
  program
    .command("start")
    .description("Run the bot: /api/messages for Teams, /healthz and /readyz, and the campaign on its schedule")
    .option("--no-schedule", "serve Teams only; run the campaign with run-once instead")
    .addHelpText(
      "after",
      "\nWith BOT_ID and BOT_PASSWORD set it verifies every request from Teams and listens on HOST (default 0.0.0.0).\n" +
        "Without them it runs in local mode: no authentication, so it listens on 127.0.0.1 only.\n" +
        "On PostgreSQL any number of instances may run on one database; on SQLite one at a time.\n\nExample:\n  PORT=3978 mfa-nudge start",
    )
    .action(async (options: { schedule: boolean }) => {
      const runtime = await openRuntime({ env: io.env, defaultLogLevel: "info" });
      const { config, log, store, clock } = runtime;
      let letStoreGo: () => Promise<void>;
      try {
        letStoreGo = await holdSqliteStore(runtime);
      } catch (error) {
        await runtime.close();
        throw error;
      }
      const stopKeeping = keepServing(log);
      const policy = readCampaign(config.campaignFile);
      const { host, local } = chooseListenHost(config);
      // The Teams SDK is loaded by the commands that serve or send only: `sync` and `status` stay light.
      const { openBot } = await import("../../app/open-bot.js");
      const bot = openBot(runtime, policy, await resolveCatalogAppId(config, runtime.graph(), log));
      const schedule = options.schedule ? scheduleCampaign(runtime, bot, policy) : undefined;
      let stopping = false;

      const server = await serveBot(bot, runtime, {
        host,
        port: config.server.port,
        // What /healthz may say about the last run: when, and its outcome as a code. The error's
        // text (Graph's messages, host names) goes to the log and the admins' alert, not to anyone
        // who can reach the port.
        health: () => {
          const lastRun = schedule?.lastRun() ?? null;
          return Promise.resolve({ status: lastRun === null || lastRun.outcome === "ok" ? "ok" : "degraded", lastRun });
        },
        ready: async () => {
          if (stopping) return { status: "not_ready", reason: "shutting_down" };
          const readiness = await storeReadiness(store);
          return readiness.ready ? { status: "ready" } : { status: "not_ready", reason: readiness.reason };
        },
      });
      io.stdout.write(
        `mfa-nudge is listening on ${server.url}/api/messages${local ? " in local mode: no credentials, so loopback only" : ""}\n`,
      );
      if (schedule) io.stdout.write(`Campaign "${policy.name}" runs on "${policy.schedule}" (${policy.timeZone}).\n`);
      // Whoever leads a run, every instance on the database helps send what it queued, within the one shared pace.
      // (A run this instance leads drains for itself.)
      const helping =
        schedule && store.dialect === "postgres" ? setInterval(() => schedule.busy() || bot.deliverSoon(), helpEveryMs) : undefined;

      await new Promise<void>((resolve) => {
        process.once("SIGINT", resolve);
        process.once("SIGTERM", resolve);
      });
      // Stop claiming, let the sends under way finish (bounded), hand back the rest, then go.
      stopping = true;
      clearInterval(helping);
      bot.stopDelivering();
      const drained = await settleWithin(Promise.all([schedule?.stop(), bot.idle()]), config.server.shutdownGraceMs);
      // Work still under way past the grace (a send waiting on Teams, a long sync) would hold the
      // process, even its closing, until its own timeout; start owns its process, so it ends it
      // shortly after the cleanup below has had its chance. (Unreferenced: it never holds the process up itself.)
      if (!drained.done) setTimeout(() => process.exit(0), 3000).unref();
      const released = await releaseClaimsOf(store, senderPrefix(), new Date(clock.now())).catch(() => 0);
      log.info({ drained: drained.done, released }, "stopped");
      await server.close();
      await letStoreGo().catch(() => undefined);
      await runtime.close();
      stopKeeping();
    });
}
