import type { Command } from "commander";
import { readCampaign } from "../../config/read-campaign.js";
import { planCampaign, type DueDecision } from "../../jobs/plan-campaign.js";
import { formatPreviewText } from "../format-preview-text.js";
import type { CliIo } from "../cli-io.js";
import { openRuntime } from "../../app/open-runtime.js";

export function registerPreviewCommand(program: Command, io: CliIo): void {
  program
    .command("preview")
    .description("Show who the campaign would remind or escalate right now, and why; sends nothing")
    .option("--json", "print the decisions as JSON: userId, userPrincipalName, action, phase, step, deadline, reason")
    .addHelpText(
      "after",
      "\nPlans from the last sync (run `mfa-nudge sync` first for fresh data) and the campaign file " +
        "(CAMPAIGN_FILE).\n\nExamples:\n  mfa-nudge preview\n  mfa-nudge preview --json | jq 'map(select(.action == \"escalate\"))'",
    )
    .action(async (options: { json?: boolean }) => {
      const runtime = await openRuntime({ env: io.env, defaultLogLevel: "warn" });
      try {
        const policy = readCampaign(runtime.config.campaignFile);
        const due: DueDecision[] = [];
        const now = runtime.clock.now();
        const summary = await planCampaign(runtime.store, policy, now, (page) => {
          due.push(...page.due);
          return Promise.resolve();
        });
        if (options.json) {
          io.stdout.write(`${JSON.stringify(due.map(toJson), null, 2)}\n`);
        } else {
          io.stdout.write(formatPreviewText(summary, due, new Date(now), policy.timeZone));
        }
      } finally {
        await runtime.close();
      }
    });
}

function toJson(d: DueDecision) {
  return {
    userId: d.userId,
    userPrincipalName: d.userPrincipalName,
    action: d.action,
    phase: d.phase,
    step: d.step,
    deadline: d.deadline,
    daysLeft: d.daysLeft,
    reason: d.reason,
    ...(d.action === "remind" ? { kind: d.kind } : { managerId: d.managerId }),
  };
}
