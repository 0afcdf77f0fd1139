import { escapeHtml } from "../../../cards/escape-html.js";
import { formatCount } from "../../../reports/format-numbers.js";
import type { DemoPerson } from "./demo-report-data.js";
import { personStatus } from "./person-status.js";

/** Everyone in one table, each name linking to the person's section (`anchors[i]` for `people[i]`). */
export function peopleTable(people: readonly DemoPerson[], anchors: readonly string[]): string {
  const rows = people.map((person, i) => {
    const href = `#${escapeHtml(anchors[i] ?? "")}`;
    return `<tr class="status-${personStatus(person)}">
<td><a href="${href}">${escapeHtml(person.displayName)}</a><span class="upn">${escapeHtml(person.userPrincipalName)}</span></td>
<td>${person.department === null ? `<span class="none">none</span>` : escapeHtml(person.department)}</td>
<td><span class="dot" aria-hidden="true"></span>${escapeHtml(person.outcome)}</td>
<td class="number">${formatCount(person.messages.length)}</td>
</tr>`;
  });
  return (
    `<label class="filter">Filter <input type="search" id="people-filter" placeholder="name, department or outcome" ` +
    `autocomplete="off"></label>
<div class="people-scroll">
<table class="people">
<thead><tr><th scope="col">Name</th><th scope="col">Department</th><th scope="col">Outcome</th>` +
    `<th scope="col" class="number">Messages</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>`
  );
}
