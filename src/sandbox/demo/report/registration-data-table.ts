import { escapeHtml } from "../../../cards/escape-html.js";
import { formatCount } from "../../../reports/format-numbers.js";
import type { DemoDay } from "./demo-report-data.js";
import { formatShare, registeredShare } from "./registered-share.js";

/** The chart's numbers as a table, for screen readers: the page hides it from view with `.visually-hidden`. */
export function registrationDataTable(days: readonly DemoDay[]): string {
  const rows = days.map(
    (d) =>
      `<tr><th scope="row">${escapeHtml(d.date)}</th><td>${formatShare(registeredShare(d))}</td><td>${formatCount(d.registered)}</td>` +
      `<td>${formatCount(d.members)}</td>` +
      `<td>${formatCount(d.reminders)}</td><td>${formatCount(d.escalations)}</td>` +
      `<td>${formatCount(d.snoozes)}</td><td>${formatCount(d.helpRequests)}</td></tr>`,
  );
  return (
    `<table class="visually-hidden">
<caption>Registrations and messages per simulated day</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Registered share</th><th scope="col">Registered</th><th scope="col">Members</th>` +
    `<th scope="col">Reminders</th><th scope="col">Escalations</th>` +
    `<th scope="col">Snoozes</th><th scope="col">Help requests</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`
  );
}
