import type { CardContext, DigestCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { describeProgress } from "./describe-progress.js";
import { formatShortDate } from "./format-card-date.js";
import { formatCardPercent, percentOf } from "./format-card-number.js";

// A manager of hundreds sees the most overdue first and a count of the rest: every line is about 1 KB
// at Entra's longest names, and a message to Teams must stay under 28 KB (see test/cards/card-size.test.ts).
const REPORTS_SHOWN = 12;

/**
 * Binds cards/digest.json, the weekly overview for a manager: only their own people who are behind,
 * the most overdue first, and how the team compares with the organisation.
 */
export function digestView(card: DigestCard, context: CardContext, text: CardText): CardView {
  const share = ({ registered, members }: { registered: number; members: number }) =>
    formatCardPercent(percentOf(registered, members), text);
  const reports = [...card.reports]
    .sort((a, b) => a.daysLeft - b.daysLeft || a.displayName.localeCompare(b.displayName, context.language))
    .slice(0, REPORTS_SHOWN)
    .map((report) => ({
      displayName: report.displayName,
      userPrincipalName: report.userPrincipalName,
      line: text.text("digest.line", { phase: report.phase, deadline: formatShortDate(report.deadline, context) }),
      progress: describeProgress(report.daysLeft, report.reminders, text),
      overdue: report.daysLeft < 0,
      stopped: { show: report.stoppedAtSignIn, text: text.text("digest.stopped") },
    }));
  const remindNow = text.text("digest.remindNow");
  const data = {
    ...commonView(context, text),
    title: reports.length > 0 ? text.plural("digest.title", card.reports.length) : text.text("digest.titleNone"),
    intro: text.text("digest.intro", { managerFirstName: card.managerFirstName }),
    compare: text.text("digest.compare", { team: share(card.team), organisation: share(card.organisation) }),
    reports,
    more: { show: card.reports.length > reports.length, text: text.plural("list.more", card.reports.length - reports.length) },
    ask: { show: reports.length > 0, text: text.text("digest.ask") },
    remind: {
      show: card.remindAvailable && reports.length > 0,
      label: remindNow,
      note: text.text("digest.remindNote", { remindNow }),
    },
    digestId: card.digestId,
    managerId: card.managerId,
  };
  return { template: "digest", data };
}
