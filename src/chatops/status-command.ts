import { renderCard } from "../cards/render-card.js";
import { buildStatusCard } from "../reports/build-status-card.js";
import { readStatusSummary } from "../reports/status-summary-cache.js";
import { summarizeCampaign } from "../reports/summarize-campaign.js";
import type { CommandHandler } from "./command-context.js";

/** `/mfa status`: the picture the last campaign run left, plus the trend; fast however large the tenant. */
export const statusCommand: CommandHandler = async (_args, context) => {
  const summary =
    (await readStatusSummary(context.store, context.policy.requirement)) ??
    (await summarizeCampaign(context.store, context.policy, context.now));
  return { kind: "card", card: renderCard("status", await buildStatusCard(context.store, summary, context.now), context.card) };
};
