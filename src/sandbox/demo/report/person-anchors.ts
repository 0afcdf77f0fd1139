import type { DemoPerson } from "./demo-report-data.js";

/**
 * One element id per person, in order: "person-" and their id, so a link such as
 * report.html#person-<object id> opens that person's section. Characters an id or a URL fragment
 * would trip over become "_", and a clash gets the person's position added.
 */
export function personAnchors(people: readonly DemoPerson[]): string[] {
  const seen = new Set<string>();
  return people.map((person, index) => {
    let anchor = `person-${person.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    if (seen.has(anchor)) anchor = `${anchor}-${index + 1}`;
    seen.add(anchor);
    return anchor;
  });
}
