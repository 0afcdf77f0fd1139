import { existsSync } from "node:fs";
import type { Command } from "commander";
import { readCampaign } from "../../config/read-campaign.js";
import { formatStatusText } from "../../reports/format-status-text.js";
import type { StatusSummary } from "../../reports/status-summary.js";
import { summarizeCampaign } from "../../reports/summarize-campaign.js";
import { readStatusFigures } from "../../store/status-figures.js";
import type { CliIo } from "../cli-io.js";
import { openRuntime } from "../../app/open-runtime.js";

export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command("status")
    .description("Print the rollout's figures from the last complete sync")
    .option(
      "--json",
      "print JSON for scripts: users, members, registered, notRegistered, admins, adminsNotRegistered, percentRegistered, lastSync, " +
        "byDepartment, and with a campaign file, campaign: requirement, inScope, registered, notRegistered, excluded, percentRegistered, " +
        "and signInInterrupts: since, people (in scope, not registered, stopped at sign-in in the last 7 days)",
    )
    .addHelpText(
      "after",
      "\nThe first figures cover every enabled member account in the directory; with a campaign file (CAMPAIGN_FILE), the\n" +
        "campaign's own figures follow: the people in its scope, registered under its requirement, exactly as /mfa status counts them.\n" +
        "\nExamples:\n  mfa-nudge status\n  mfa-nudge status --json | jq .campaign.percentRegistered",
    )
    .action(async (options: { json?: boolean }) => {
      const runtime = await openRuntime({ env: io.env, defaultLogLevel: "warn" });
      try {
        const file = runtime.config.campaignFile;
        const policy = existsSync(file) ? readCampaign(file) : undefined;
        const figures = await readStatusFigures(runtime.store);
        const summary = policy ? await summarizeCampaign(runtime.store, policy, runtime.clock.now()) : undefined;
        if (options.json) {
          const campaign = summary ? { campaign: campaignJson(summary), signInInterrupts: signInJson(summary) } : {};
          io.stdout.write(`${JSON.stringify({ ...figures, ...campaign }, null, 2)}\n`);
        } else {
          io.stdout.write(formatStatusText(figures, summary, policy ? undefined : file));
        }
      } finally {
        await runtime.close();
      }
    });
}

/** The campaign's figures for scripts: the same numbers as the /mfa status card. */
function campaignJson(s: StatusSummary) {
  return {
    requirement: s.requirement,
    inScope: s.inScope,
    registered: s.registered,
    notRegistered: s.notRegistered,
    excluded: s.excluded,
    excludedBy: s.excludedBy,
    percentRegistered: s.percentRegistered,
  };
}

/** Who Entra ID stopped at sign-in in the lookback window, counted as the status card counts them. */
function signInJson(s: StatusSummary) {
  return { since: s.signInInterrupts.since, people: s.signInInterrupts.people };
}
