import type { Command } from "commander";
import { openRuntime } from "../../app/open-runtime.js";
import { readCampaign } from "../../config/read-campaign.js";
import { appPackagePath } from "../../doctor/app-package-path.js";
import { runDoctor } from "../../doctor/run-doctor.js";
import { AppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";
import { saveEnforcement } from "../../store/enforcement-cache.js";
import type { CliIo } from "../cli-io.js";
import { formatDoctorText } from "../format-doctor-text.js";

export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command("doctor")
    .description("Check the setup against the tenant and the bot before anyone is reminded")
    .option("--json", 'print {"checks":[{"check","status","detail","fix"}]} for scripts; status is ok, warn, fail or skipped')
    .addHelpText(
      "after",
      "\nChecks Graph access (token, each permission, the Entra ID P1/P2 licence), the Teams app (in the catalog, its catalog\n" +
        "id, the bot's credentials, webApplicationInfo in the package), the campaign's groups and accounts, and how MFA is\n" +
        "enforced (with the optional Policy.Read.All). Reads only; remembers the enforcement state for /mfa status.\n\n" +
        "Exit status: 0 nothing failed, 1 a check failed, 2 the configuration cannot be read or has no Graph credentials.\n\n" +
        "Examples:\n  mfa-nudge doctor\n  mfa-nudge doctor --json | jq '.checks[] | select(.status == \"fail\")'",
    )
    .action(async (options: { json?: boolean }) => {
      const runtime = await openRuntime({ env: io.env, defaultLogLevel: "warn", ...(io.fetch ? { fetch: io.fetch } : {}) });
      try {
        const policy = readCampaign(runtime.config.campaignFile);
        const report = await runDoctor(
          {
            config: runtime.config,
            policy,
            graph: runtime.graph(),
            fetch: runtime.fetch,
            appPackagePath: appPackagePath(runtime.config),
          },
          runtime.clock.now(),
        );
        await saveEnforcement(runtime.store, report.enforcement);
        io.stdout.write(
          options.json
            ? `${JSON.stringify({ checks: report.checks }, null, 2)}\n`
            : formatDoctorText(report, io.stdout.isTTY === true && io.env.NO_COLOR === undefined),
        );
        if (report.credentialsMissing) {
          throw new AppError(ErrorCode.GraphCredentialsMissing, "No Graph credentials are configured, so most checks could not run.", {
            hint: "Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or GRAPH_ACCESS_TOKEN), then run doctor again.",
          });
        }
        const failed = report.checks.filter((c) => c.status === "fail").length;
        if (failed > 0) {
          throw new AppError(ErrorCode.ChecksFailed, `${failed} check${failed === 1 ? "" : "s"} failed.`, {
            hint: "Fix them in the order listed, then run mfa-nudge doctor again.",
          });
        }
      } finally {
        await runtime.close();
      }
    });
}
