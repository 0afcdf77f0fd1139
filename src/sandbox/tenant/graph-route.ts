import type { IncomingHttpHeaders } from "node:http";
import type { Clock } from "../../time/clock.js";
import { badRequest } from "./graph-error.js";
import type { SimulatedTenant } from "./simulated-tenant.js";
import type { TenantSetup } from "./tenant-setup.js";

/** One request as a route sees it: path parameters already decoded. */
export interface GraphRequest {
  method: string;
  /** The raw path without the /v1.0 prefix, e.g. /users/delta. */
  path: string;
  params: string[];
  query: Readonly<Record<string, string>>;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What every route may read: the model, the server's own URL (for nextLinks) and the clock. */
export interface GraphEnvironment {
  tenant: SimulatedTenant;
  /** Permissions, licence, policies: what `doctor` reads. */
  setup: TenantSetup;
  /** e.g. http://127.0.0.1:51234, no trailing slash. */
  baseUrl: string;
  clock: Clock;
  /** How far the registration report trails the live methods. */
  reportLagMs: number;
  /** The registration report answers 400 to `$top` (it is not among the options its docs list). */
  reportRefusesTop: boolean;
  /** The most rows a report or delta page holds, whatever was asked: Graph may send smaller pages. */
  pageCap: number;
  /** How long a /users/delta deltaLink stays usable, in ms on the clock. */
  deltaTokenLifetimeMs: number;
}

export interface GraphReply {
  status: number;
  /** Serialized with JSON.stringify, one page at a time; absent for 201/204 without a body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface GraphRoute {
  method: "GET" | "POST";
  /** Matched against GraphRequest.path; capture groups become params. */
  pattern: RegExp;
  /** The $-options this resource accepts; any other is a 400 naming it. */
  queryOptions: readonly string[];
  handle(request: GraphRequest, environment: GraphEnvironment): GraphReply;
}

/** Graph metadata URLs name the real service; the simulated server does not serve $metadata itself. */
export const METADATA_URL = "https://graph.microsoft.com/v1.0/$metadata";

/** Rejects $-options the route does not implement, so a client relying on one learns it here. */
export function checkQueryOptions(query: Readonly<Record<string, string>>, accepted: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (name.startsWith("$") && !accepted.includes(name)) {
      throw badRequest(`Query option '${name}' is not supported on this resource by the simulated tenant.`);
    }
  }
}

/**
 * The absolute URL of the next page: the same resource and options, with `$skiptoken` (or another
 * token option) replaced. Keys keep their literal `$`, as Graph writes them.
 */
export function linkTo(
  environment: GraphEnvironment,
  path: string,
  query: Readonly<Record<string, string>>,
  token: Record<string, string>,
): string {
  const kept = Object.entries(query).filter(([name]) => name !== "$skiptoken" && name !== "$deltatoken");
  const pairs = [...kept, ...Object.entries(token)].map(([name, value]) => `${name}=${encodeQueryValue(value)}`);
  return `${environment.baseUrl}/v1.0${path}${pairs.length > 0 ? `?${pairs.join("&")}` : ""}`;
}

/** Percent-encodes a query value but leaves the OData punctuation Graph's own links show as is. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%(2C|24|3A|3B|3D|2F|40)/g, (escaped) => decodeURIComponent(escaped));
}
