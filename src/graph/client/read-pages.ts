import { AppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";
import type { GraphClient } from "./graph-client.js";

export interface GraphPage {
  readonly value: readonly unknown[];
  readonly number: number;
  /** Present on the last page of a delta round. */
  readonly deltaLink: string | undefined;
}

/**
 * Follows `@odata.nextLink` one page at a time, so a caller can store each page before the next is
 * fetched and memory stays flat however large the tenant.
 */
export async function* readPages(
  graph: GraphClient,
  firstUrl: string,
  headers: Record<string, string> = {},
  /** Another URL to try once when a page is refused (the same page asked differently), or undefined to fail. */
  instead?: (url: string, error: unknown) => string | undefined,
): AsyncGenerator<GraphPage> {
  let url: string | undefined = firstUrl;
  let number = 0;
  while (url) {
    const body = await getPage(graph, url, headers, instead);
    if (typeof body !== "object" || body === null || !Array.isArray((body as { value?: unknown }).value)) {
      throw new AppError(ErrorCode.GraphResponseInvalid, `Graph answered ${url} without a "value" array`);
    }
    const page = body as { value: unknown[]; "@odata.nextLink"?: unknown; "@odata.deltaLink"?: unknown };
    number += 1;
    const next = page["@odata.nextLink"];
    const delta = page["@odata.deltaLink"];
    yield { value: page.value, number, deltaLink: typeof delta === "string" ? delta : undefined };
    url = typeof next === "string" && next !== "" ? next : undefined;
  }
}

async function getPage(
  graph: GraphClient,
  url: string,
  headers: Record<string, string>,
  instead: ((url: string, error: unknown) => string | undefined) | undefined,
): Promise<unknown> {
  try {
    return await graph.get(url, headers);
  } catch (error) {
    const other = instead?.(url, error);
    if (other === undefined || other === url) throw error;
    return graph.get(other, headers);
  }
}
