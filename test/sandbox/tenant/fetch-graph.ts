/** A Graph response as tests look at it. */
export interface GraphResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function fetchGraph<T = Record<string, unknown>>(url: string, init: RequestInit = {}): Promise<GraphResponse<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text === "" ? undefined : JSON.parse(text)) as T };
}

export interface GraphCollection<T = Record<string, unknown>> {
  "@odata.context"?: string;
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
  "@odata.count"?: number;
  value: T[];
}

export interface GraphErrorResponse {
  error: { code: string; message: string; innerError: { date: string; "request-id": string; "client-request-id": string } };
}

/** Follows @odata.nextLink to the end; returns every page. */
export async function fetchAllPages<T = Record<string, unknown>>(url: string, init: RequestInit = {}): Promise<GraphCollection<T>[]> {
  const pages: GraphCollection<T>[] = [];
  let next: string | undefined = url;
  while (next !== undefined) {
    const response: GraphResponse<GraphCollection<T>> = await fetchGraph<GraphCollection<T>>(next, init);
    if (response.status !== 200) throw new Error(`page ${pages.length + 1} answered ${response.status}: ${JSON.stringify(response.body)}`);
    pages.push(response.body);
    next = response.body["@odata.nextLink"];
  }
  return pages;
}
