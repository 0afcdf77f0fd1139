import { renderCard } from "../cards/render-card.js";
import { planCampaign, type DueDecision } from "../jobs/plan-campaign.js";
import type { CommandHandler } from "./command-context.js";

const sampleSize = 10;

/** `/mfa preview`: what the next run would send, counts and a sample; sends nothing. */
export const previewCommand: CommandHandler = async (_args, context) => {
  const sample: DueDecision[] = [];
  const summary = await planCampaign(context.store, context.policy, context.now, (page) => {
    sample.push(...page.due.slice(0, sampleSize - sample.length));
    return Promise.resolve();
  });
  return {
    kind: "card",
    card: renderCard(
      "preview",
      {
        remind: summary.remind,
        escalate: summary.escalate,
        skipped: Object.fromEntries(Object.entries(summary.skipped).filter(([, n]) => n > 0)),
        sample: sample.map((d) => ({
          userPrincipalName: d.userPrincipalName,
          action: d.action,
          phase: d.phase,
          deadline: d.deadline,
          reason: d.reason,
        })),
      },
      context.card,
    ),
  };
};
