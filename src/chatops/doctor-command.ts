import { renderCard } from "../cards/render-card.js";
import { saveEnforcement } from "../store/enforcement-cache.js";
import type { CommandHandler } from "./command-context.js";

/** `/mfa doctor`: the same checklist as `mfa-nudge doctor`, as a card; its enforcement finding feeds `/mfa status`. */
export const doctorCommand: CommandHandler = async (_args, context) => {
  const report = await context.runDoctor();
  await saveEnforcement(context.store, report.enforcement);
  return { kind: "card", card: renderCard("doctor", { checks: [...report.checks], checkedAt: report.checkedAt }, context.card) };
};
