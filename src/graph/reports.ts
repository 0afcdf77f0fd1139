import type { GraphClient } from "./client/graph-client.js";
import { readPages, type GraphPage } from "./client/read-pages.js";

// The report allows $top up to 999; bigger pages mean fewer of its scarce 5-per-10-s requests.
const registrationDetailsUrl = "/reports/authenticationMethods/userRegistrationDetails?$top=999";

/** Entra's User registration details report (AuditLog.Read.All, Entra ID P1/P2), a page at a time. */
export function readRegistrationDetailsPages(graph: GraphClient): AsyncGenerator<GraphPage> {
  return readPages(graph, registrationDetailsUrl);
}
