import type { CardContext, PreviewCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { formatShortDate } from "./format-card-date.js";
import { formatCardCount } from "./format-card-number.js";

// The brief for `/mfa preview`: a sample, not the whole run; the CLI's --json lists everyone.
const SAMPLE_SIZE = 10;

/** Binds cards/preview.json: what the next run would send, saying first that nothing was sent. */
export function previewView(card: PreviewCard, context: CardContext, text: CardText): CardView {
  const count = (n: number) => formatCardCount(n, context.language);
  const skipped = Object.entries(card.skipped)
    .filter(([, n]) => n > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([reason, n]) => ({ label: reasonLabel(reason, text), value: count(n) }));
  const sample = card.sample.slice(0, SAMPLE_SIZE).map((entry) => ({
    userPrincipalName: entry.userPrincipalName,
    line: text.text("preview.line", {
      action: text.text(`preview.action.${entry.action}`),
      phase: entry.phase,
      deadline: formatShortDate(entry.deadline, context),
    }),
    reason: entry.reason,
  }));
  const data = {
    ...commonView(context, text),
    title: text.text("preview.title"),
    nothingSent: text.text("preview.nothingSent"),
    totals: [
      { label: text.text("preview.remind"), value: count(card.remind) },
      { label: text.text("preview.escalate"), value: count(card.escalate) },
    ],
    skipped: { show: skipped.length > 0, title: text.text("preview.notNow"), facts: skipped },
    sample: {
      show: sample.length > 0,
      title: text.text("preview.sample", { count: count(sample.length), total: count(card.remind + card.escalate) }),
      items: sample,
    },
  };
  return { template: "preview", data };
}

/** The planner's SkipReason in words; a reason added later shows as itself until it is translated. */
function reasonLabel(reason: string, text: CardText): string {
  const key = `preview.reasons.${reason}`;
  return /^\w+$/.test(reason) && text.has(key) ? text.text(key) : reason;
}
