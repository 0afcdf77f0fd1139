import { escapeHtml } from "../../../cards/escape-html.js";
import { formatCount } from "../../../reports/format-numbers.js";
import type { DemoDay, DemoReportData } from "./demo-report-data.js";
import { formatSimulatedTime } from "./format-simulated-time.js";
import { formatShare, registeredShare } from "./registered-share.js";
import { shortDate } from "./short-date.js";

/** The page's header: what was simulated, and the headline numbers as tiles. */
export function demoReportHeader(data: DemoReportData): string {
  const first = data.days[0];
  const last = data.days[data.days.length - 1];
  const dayCount = `${formatCount(data.days.length)} simulated ${data.days.length === 1 ? "day" : "days"}`;
  const { totals } = data;
  const tiles = [
    shareTile("Registered at the start", first),
    shareTile("Registered at the end", last),
    tile("Reminders", formatCount(totals.reminders), "sent to people"),
    tile("Escalations", formatCount(totals.escalations), "sent to managers"),
    tile("Snoozes", formatCount(totals.snoozes), "“Remind me later” pressed"),
    tile("Help requests", formatCount(totals.helpRequests), "“I need help” pressed"),
    tile("Unreachable", formatCount(totals.unreachable), "could not be messaged"),
    tile("Excluded", formatCount(totals.excluded), "left out by policy"),
    ...enforcementTiles(data.enforcement),
  ];
  return (
    `<header class="page-header">
<p class="eyebrow">mfa-nudge demo · simulated campaign</p>
<h1>${escapeHtml(data.campaignName)}</h1>
<dl class="facts">
<div><dt>Tenant</dt><dd>${formatCount(data.tenantSize)} people</dd></div>
<div><dt>Seed</dt><dd>${escapeHtml(String(data.seed))}</dd></div>
<div><dt>Period</dt><dd>${escapeHtml(formatSimulatedTime(data.startedAt))} to ` +
    `${escapeHtml(formatSimulatedTime(data.endedAt))} (${dayCount})</dd></div>
</dl>
<ul class="tiles">
${tiles.join("\n")}
</ul>
</header>`
  );
}

/** How the bot helped the people Entra ID stopped at sign-in once MFA was enforced halfway through. */
function enforcementTiles(enforcement: DemoReportData["enforcement"]): string[] {
  if (!enforcement) return [];
  const since = `after enforcement on ${shortDate(enforcement.date, true)}`;
  return [
    tile("Stopped at sign-in", formatCount(enforcement.peopleStopped), `people without a second method, ${since}`),
    tile(
      "Helped after sign-in",
      formatCount(enforcement.peopleHelped),
      `got the help card (${formatCount(enforcement.helpCards)} sent); ${formatCount(enforcement.registeredAfterHelp)} registered after it`,
    ),
  ];
}

function shareTile(title: string, day: DemoDay | undefined): string {
  if (!day) return tile(title, "–", "no days simulated");
  const note = `${formatCount(day.registered)} of ${formatCount(day.members)}, ${shortDate(day.date, true)}`;
  return tile(title, formatShare(registeredShare(day)), note, "share");
}

function tile(title: string, value: string, note: string, variant = ""): string {
  return (
    `<li class="tile ${variant}"><span class="tile-title">${escapeHtml(title)}</span><span ` +
    `class="tile-value">${escapeHtml(value)}</span><span class="tile-note">${escapeHtml(note)}</span></li>`
  );
}
