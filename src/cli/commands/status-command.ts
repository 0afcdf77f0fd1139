import type { Command } from "commander";
import { formatStatusText } from "../../reports/format-status-text.js";
import { readStatusFigures } from "../../store/status-figures.js";
import type { CliIo } from "../cli-io.js";
import { openRuntime } from "../../app/open-runtime.js";

export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command("status")
    .description("Print the rollout's figures from the last complete sync")
    .option(
      "--json",
      "print JSON for scripts: users, members, registered, notRegistered, admins, adminsNotRegistered, percentRegistered, lastSync, byDepartment",
    )
    .addHelpText("after", "\nExamples:\n  mfa-nudge status\n  mfa-nudge status --json | jq .percentRegistered")
    .action(async (options: { json?: boolean }) => {
      const runtime = await openRuntime({ env: io.env, defaultLogLevel: "warn" });
      try {
        const figures = await readStatusFigures(runtime.store);
        io.stdout.write(options.json ? `${JSON.stringify(figures, null, 2)}\n` : formatStatusText(figures));
      } finally {
        await runtime.close();
      }
    });
}
