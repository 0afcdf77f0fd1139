import type { Command } from "commander";
import { formatCount } from "../../reports/format-numbers.js";
import { startSimulatedConnector } from "../../sandbox/connector/simulated-connector.js";
import {
  DOCTOR_SCENARIOS,
  generateTenant,
  scenarioSettings,
  startGraphServer,
  tenantSetupFor,
  type DoctorScenario,
} from "../../sandbox/tenant/index.js";
import { AppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";
import type { CliIo } from "../cli-io.js";

interface SandboxOptions {
  size: string;
  seed: string;
  port: string;
  token: string;
  reportsPace: string;
  scenario: string;
}

export function registerSandboxCommand(program: Command, io: CliIo): void {
  const sandbox = program.command("sandbox").description("Simulated Microsoft services on 127.0.0.1, to try mfa-nudge without a tenant");
  sandbox
    .command("graph")
    .description("Serve a generated tenant as Microsoft Graph on 127.0.0.1 until stopped (Ctrl-C)")
    .option("--size <n>", "directory users to generate", "1000")
    .option("--seed <n>", "the same seed gives the same tenant", "42")
    .option("--port <n>", "port on 127.0.0.1 (0: any free one)", "0")
    .option("--token <token>", "the bearer token it accepts", "sandbox")
    .option("--reports-pace <pace>", "the reports throttle, COUNT/SECONDS", "5/10")
    .option("--scenario <name>", `the tenant's setup, for doctor: ${DOCTOR_SCENARIOS.join(", ")}`, "all-good")
    .addHelpText(
      "after",
      "\nExample:\n  mfa-nudge sandbox graph --size 10000 --port 4000\n  GRAPH_BASE_URL=http://127.0.0.1:4000 GRAPH_ACCESS_TOKEN=sandbox mfa-nudge sync\n" +
        "  mfa-nudge sandbox graph --scenario report-only   # then run the doctor line it prints",
    )
    .action(async (options: SandboxOptions) => {
      const scenario = options.scenario as DoctorScenario;
      if (!(DOCTOR_SCENARIOS as readonly string[]).includes(scenario)) {
        throw new AppError(
          ErrorCode.ConfigInvalid,
          `--scenario: expected one of ${DOCTOR_SCENARIOS.join(", ")}, got "${options.scenario}"`,
        );
      }
      const [limit, seconds] = options.reportsPace.split("/").map(Number);
      const tenant = generateTenant({ seed: Number(options.seed), size: Number(options.size), nowMs: Date.now() });
      const server = await startGraphServer(tenant, {
        port: Number(options.port),
        token: options.token,
        reportsThrottle: { limit: limit ?? 5, windowMs: (seconds ?? 10) * 1000 },
        setup: tenantSetupFor(tenant, scenario),
      });
      const settings = Object.entries({ ...scenarioSettings(tenant, scenario), BOT_LOGIN_URL: server.url })
        .map(([name, value]) => `${name}=${value}`)
        .join(" ");
      io.stdout.write(
        `Simulated tenant of ${formatCount(tenant.users.length)} users (seed ${options.seed}, scenario ${scenario}) serving ` +
          `Graph at ${server.url}\n` +
          `Try:  GRAPH_BASE_URL=${server.url} GRAPH_ACCESS_TOKEN=${options.token} mfa-nudge sync\n` +
          `And:  GRAPH_BASE_URL=${server.url} GRAPH_ACCESS_TOKEN=${options.token} ${settings} mfa-nudge doctor\n`,
      );
      await untilStopped();
      await server.close();
    });

  sandbox
    .command("teams")
    .description("Serve a simulated Teams Bot Connector on 127.0.0.1 until stopped: keeps every message, enforces Teams' limits")
    .option("--port <n>", "port on 127.0.0.1 (0: any free one)", "0")
    .option("--limit <n>", "requests per second per tenant before it answers 429 (Teams: 50)", "50")
    .addHelpText(
      "after",
      "\nExample:\n  mfa-nudge sandbox teams --port 4100\n  TEAMS_SERVICE_URL=http://127.0.0.1:4100/ mfa-nudge run-once",
    )
    .action(async (options: { port: string; limit: string }) => {
      const connector = await startSimulatedConnector({
        port: Number(options.port),
        tenantLimit: { limit: Number(options.limit), windowMs: 1000 },
      });
      io.stdout.write(
        `Simulated Teams connector serving at ${connector.url} (${options.limit} requests/s per tenant; stats at ` +
          `${connector.url}sandbox/stats)\n`,
      );
      await untilStopped();
      await connector.close();
    });
}

function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}
