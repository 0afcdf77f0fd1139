import { isAppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { GraphClient } from "./client/graph-client.js";
import { readPages, type GraphPage } from "./client/read-pages.js";

/*
 * Bigger pages mean fewer of the report's scarce 5-per-10-s requests, so we ask for 999 a page. The
 * report's docs list only $filter and $orderby, though, so a tenant that refuses $top (400) gets the
 * same page asked again without it, at the default page size.
 */
const registrationDetailsUrl = "/reports/authenticationMethods/userRegistrationDetails?$top=999";

/**
 * The report's rows of people who have not registered a strong method yet: the one filter the
 * report applies server-side that follows "still needs a reminder" (learn.microsoft.com/graph/api/
 * authenticationmethodsroot-list-userregistrationdetails lists isMfaRegistered with eq).
 */
export const notMfaRegistered = "isMfaRegistered eq false";

/**
 * Entra's User registration details report (AuditLog.Read.All, Entra ID P1/P2), a page at a time:
 * every row, or only those `filter` (an OData $filter) keeps.
 */
export function readRegistrationDetailsPages(graph: GraphClient, onTopRefused?: () => void, filter?: string): AsyncGenerator<GraphPage> {
  const url = filter === undefined ? registrationDetailsUrl : `${registrationDetailsUrl}&$filter=${encodeURIComponent(filter)}`;
  return readPages(graph, url, {}, (url, error) => {
    if (!isAppError(error) || error.details.status !== 400 || !/[?&]\$top=/.test(url)) return undefined;
    onTopRefused?.();
    return withoutTop(url);
  });
}

/**
 * One person's row of the report (GET .../userRegistrationDetails/{id}), or undefined when the
 * report does not list them. It costs one of the report's scarce requests, like a page.
 */
export async function readRegistrationDetailsOf(graph: GraphClient, userId: string): Promise<unknown> {
  try {
    return await graph.get(`/reports/authenticationMethods/userRegistrationDetails/${encodeURIComponent(userId)}`);
  } catch (error) {
    if (isAppError(error) && error.code === ErrorCode.GraphNotFound) return undefined;
    throw error;
  }
}

function withoutTop(url: string): string {
  return url.replace(/([?&])\$top=\d+(&|$)/, (_match, before: string, after: string) => (after ? before : "")).replace(/\?$/, "");
}
