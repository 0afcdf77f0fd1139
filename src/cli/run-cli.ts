import { Command, CommanderError } from "commander";
import type { CliIo } from "./cli-io.js";
import { registerDemoCommand } from "./commands/demo-command.js";
import { registerDoctorCommand } from "./commands/doctor-command.js";
import { registerPreviewCommand } from "./commands/preview-command.js";
import { registerRunOnceCommand } from "./commands/run-once-command.js";
import { registerSandboxCommand } from "./commands/sandbox-command.js";
import { registerStartCommand } from "./commands/start-command.js";
import { registerStatusCommand } from "./commands/status-command.js";
import { registerSyncCommand } from "./commands/sync-command.js";
import { reportFailure } from "./report-failure.js";

/** Runs one `mfa-nudge` invocation and returns its exit status; never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command("mfa-nudge")
    .description("Gets an organisation through its MFA rollout in Microsoft Teams.")
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) });
  registerSyncCommand(program, io);
  registerStatusCommand(program, io);
  registerPreviewCommand(program, io);
  registerRunOnceCommand(program, io);
  registerDoctorCommand(program, io);
  registerStartCommand(program, io);
  registerDemoCommand(program, io);
  registerSandboxCommand(program, io);
  const overrideAll = (c: Command) => c.commands.forEach((sub) => overrideAll(sub.exitOverride()));
  overrideAll(program);

  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are answers, not failures; anything else commander rejects is misuse.
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help" ? 0 : 2;
    }
    return reportFailure(error, (t) => io.stderr.write(t));
  }
}
