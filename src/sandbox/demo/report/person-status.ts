import type { DemoPerson } from "./demo-report-data.js";

/** How a person's row and section are marked: registered, messaged but not registered, or never messaged. */
export type PersonStatus = "registered" | "open" | "silent";

export function personStatus(person: DemoPerson): PersonStatus {
  if (person.registeredOn !== null) return "registered";
  return person.messages.length > 0 ? "open" : "silent";
}
