import { isAppError } from "../errors/app-error.js";
import type { GraphClient } from "./client/graph-client.js";
import { readPages, type GraphPage } from "./client/read-pages.js";

/*
 * Bigger pages mean fewer of the report's scarce 5-per-10-s requests, so we ask for 999 a page. The
 * report's docs list only $filter and $orderby, though, so a tenant that refuses $top (400) gets the
 * same page asked again without it, at the default page size.
 */
const registrationDetailsUrl = "/reports/authenticationMethods/userRegistrationDetails?$top=999";

/** Entra's User registration details report (AuditLog.Read.All, Entra ID P1/P2), a page at a time. */
export function readRegistrationDetailsPages(graph: GraphClient, onTopRefused?: () => void): AsyncGenerator<GraphPage> {
  return readPages(graph, registrationDetailsUrl, {}, (url, error) => {
    if (!isAppError(error) || error.details.status !== 400 || !/[?&]\$top=/.test(url)) return undefined;
    onTopRefused?.();
    return withoutTop(url);
  });
}

function withoutTop(url: string): string {
  return url.replace(/([?&])\$top=\d+(&|$)/, (_match, before: string, after: string) => (after ? before : "")).replace(/\?$/, "");
}
