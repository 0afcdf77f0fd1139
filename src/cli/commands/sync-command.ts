import type { Command } from "commander";
import { syncDirectory } from "../../directory/sync-directory.js";
import type { CliIo } from "../cli-io.js";
import { formatCount, formatElapsed } from "../../reports/format-numbers.js";
import { openRuntime } from "../../app/open-runtime.js";
import { SyncProgressLine } from "../sync-progress-line.js";

export function registerSyncCommand(program: Command, io: CliIo): void {
  program
    .command("sync")
    .description("Read who has registered for MFA (Graph's registration report) and the directory into the store")
    .addHelpText(
      "after",
      "\nReads GET /reports/authenticationMethods/userRegistrationDetails and /users/delta page by page,\n" +
        "paced to Graph's report limit (GRAPH_REPORTS_PACE, default 5/10s). The new snapshot becomes\n" +
        "current only when complete; a failed sync leaves the previous one in place.\n\n" +
        "Example:\n  GRAPH_ACCESS_TOKEN=eyJ0... mfa-nudge sync",
    )
    .action(async () => {
      const runtime = await openRuntime({ env: io.env, defaultLogLevel: "warn", ...(io.fetch ? { fetch: io.fetch } : {}) });
      const progress = new SyncProgressLine(io.stderr as NodeJS.WriteStream, () => runtime.clock.now());
      try {
        const summary = await syncDirectory({
          graph: runtime.graph({ onWait: (lane, ms) => lane === "reports" && progress.waiting(ms) }),
          store: runtime.store,
          clock: runtime.clock,
          log: runtime.log,
          onPage: (e) => progress.update(e.counts),
        });
        progress.stop();
        io.stdout.write(
          `Synced ${formatCount(summary.users)} users and ${formatCount(summary.registrations)} registration rows ` +
            `in ${formatElapsed(summary.elapsedMs)} (${summary.report_pages} report pages, ${summary.user_pages} directory pages` +
            `${summary.skipped > 0 ? `, ${summary.skipped} unusable rows skipped` : ""}).\n`,
        );
      } finally {
        progress.stop();
        await runtime.close();
      }
    });
}
