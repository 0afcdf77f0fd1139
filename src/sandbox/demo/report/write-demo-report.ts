import { escapeHtml } from "../../../cards/escape-html.js";
import { cardRendererParts } from "../../../cards/render-card-preview-html.js";
import { formatCount } from "../../../reports/format-numbers.js";
import { DEMO_REPORT_CSS } from "./demo-report-css.js";
import type { DemoReportData } from "./demo-report-data.js";
import { demoReportHeader } from "./demo-report-header.js";
import { DEMO_REPORT_SCRIPT } from "./demo-report-script.js";
import { peopleTable } from "./people-table.js";
import { personAnchors } from "./person-anchors.js";
import { personSection } from "./person-section.js";
import { registrationChartSvg } from "./registration-chart-svg.js";
import { registrationDataTable } from "./registration-data-table.js";

/**
 * The page `mfa-nudge demo` leaves behind: headline numbers, registrations over time, everyone's
 * outcome, and every card each person received as Teams draws it (light theme). One standalone
 * file that loads nothing from the network; a person's cards are drawn when their section opens.
 */
export function writeDemoReport(data: DemoReportData): string {
  const anchors = personAnchors(data.people);
  const parts = cardRendererParts("light", DEMO_REPORT_SCRIPT);
  const sections = data.people.map((person, i) => personSection(person, anchors[i] ?? "", data.startedAt));

  return (
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.campaignName)}: mfa-nudge demo</title>
${parts.styles}
<style>${DEMO_REPORT_CSS}</style>
</head>
<body class="light">
<div class="page">
${demoReportHeader(data)}
<main>
<section class="panel" aria-labelledby="chart-heading">
<h2 id="chart-heading">Registrations over time</h2>
${registrationChartSvg(data.days)}
${registrationDataTable(data.days)}
</section>
<section class="panel" aria-labelledby="people-heading">
<h2 id="people-heading">Everyone (${formatCount(data.people.length)})</h2>
${peopleTable(data.people, anchors)}
</section>
<section aria-labelledby="messages-heading">
<h2 id="messages-heading">What each person received</h2>
<p class="intro">Open a person to see every card they, their manager or the helpdesk received, in time order, as Teams shows it. ` +
    `Buttons do nothing here.</p>
${sections.join("\n")}
</section>
</main>
<footer>Simulated with seed ${escapeHtml(String(data.seed))}: every person, date and message on this page is made up.</footer>
</div>
${parts.scripts}
</body>
</html>
`
  );
}
