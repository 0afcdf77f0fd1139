import type { GraphClient } from "./client/graph-client.js";
import { readPages } from "./client/read-pages.js";

/*
 * The sign-in error codes that mean "register a second factor first" (learn.microsoft.com, "Microsoft
 * Entra authentication and authorization error codes"): 50072 UserStrongAuthEnrollmentRequiredInterrupt
 * and 50079 UserStrongAuthEnrollmentRequired. Left out on purpose: 50074 and 50076 (MFA required and
 * not passed: the person has a method), 50078 (MFA expired) and 50125 (a password-reset registration).
 */
export const MUST_REGISTER_CODES: readonly number[] = [50072, 50079];

/** One sign-in Entra ID interrupted because the person has no second factor yet. */
export interface SignInInterrupt {
  readonly id: string;
  readonly userId: string;
  /** ISO 8601, UTC. */
  readonly createdDateTime: string;
  readonly appDisplayName: string;
  readonly errorCode: number;
}

/**
 * The interrupted sign-ins since `since` (GET /auditLogs/signIns, AuditLog.Read.All and Entra ID
 * P1/P2), filtered by Graph, newest first, a page of up to 1,000 at a time. It shares the identity
 * reports' quota, so the paced client holds it in that lane.
 */
export async function* readSignInInterrupts(graph: GraphClient, since: Date): AsyncGenerator<SignInInterrupt[]> {
  const codes = MUST_REGISTER_CODES.map((code) => `status/errorCode eq ${code}`).join(" or ");
  const filter = `createdDateTime ge ${since.toISOString()} and (${codes})`;
  for await (const page of readPages(graph, `/auditLogs/signIns?$filter=${encodeURIComponent(filter)}`)) {
    yield page.value.flatMap((raw) => parseInterrupt(raw) ?? []);
  }
}

function parseInterrupt(raw: unknown): SignInInterrupt | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const row = raw as Record<string, unknown>;
  const status = (typeof row.status === "object" && row.status !== null ? row.status : {}) as Record<string, unknown>;
  const errorCode = Number(status.errorCode);
  const { id, userId, createdDateTime } = row;
  // Graph filtered already; the check keeps a row that slipped through from helping the wrong person.
  if (typeof id !== "string" || typeof userId !== "string" || userId === "" || typeof createdDateTime !== "string") return undefined;
  if (!MUST_REGISTER_CODES.includes(errorCode) || Number.isNaN(Date.parse(createdDateTime))) return undefined;
  const app = typeof row.appDisplayName === "string" && row.appDisplayName.trim() !== "" ? row.appDisplayName : "Microsoft 365";
  return { id, userId, createdDateTime: new Date(createdDateTime).toISOString(), appDisplayName: app, errorCode };
}
