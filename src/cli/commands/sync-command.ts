import type { Command } from "commander";
import { syncDirectory } from "../../directory/sync-directory.js";
import type { CliIo } from "../cli-io.js";
import { openRuntime } from "../../app/open-runtime.js";
import { SyncProgressLine } from "../sync-progress-line.js";
import { describeSync } from "../describe-sync.js";

export function registerSyncCommand(program: Command, io: CliIo): void {
  program
    .command("sync")
    .description("Read who has registered for MFA (Graph's registration report) and the directory into the store")
    .addHelpText(
      "after",
      "\nReads GET /reports/authenticationMethods/userRegistrationDetails and /users/delta page by page,\n" +
        "paced to Graph's report limit (GRAPH_REPORTS_PACE, default 5/10s). The new snapshot becomes\n" +
        "current only when complete; a failed sync leaves the previous one in place.\n" +
        "Between full reads (the report daily, FULL_REPORT_READ_EVERY; the directory weekly,\n" +
        "FULL_DIRECTORY_READ_EVERY) only the report's not-registered rows and the directory's changes are read.\n\n" +
        "Example:\n  GRAPH_ACCESS_TOKEN=eyJ0... mfa-nudge sync\n  mfa-nudge sync --full    # both read in full now",
    )
    .option("--full", "read the whole report and the whole directory now, whatever the schedule")
    .action(async (flags: { full?: boolean }) => {
      const runtime = await openRuntime({ env: io.env, defaultLogLevel: "warn", ...(io.fetch ? { fetch: io.fetch } : {}) });
      const progress = new SyncProgressLine(io.stderr as NodeJS.WriteStream, () => runtime.clock.now());
      try {
        const summary = await syncDirectory({
          graph: runtime.graph({ onWait: (lane, ms) => lane === "reports" && progress.waiting(ms) }),
          store: runtime.store,
          clock: runtime.clock,
          log: runtime.log,
          onPage: (e) => progress.update(e.counts),
          schedule: runtime.config.sync,
          full: flags.full === true,
        });
        progress.stop();
        io.stdout.write(`${describeSync(summary)}\n`);
      } finally {
        progress.stop();
        await runtime.close();
      }
    });
}
