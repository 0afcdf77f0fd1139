import { directoryUserSelect } from "./directory-user.js";
import type { GraphClient } from "./client/graph-client.js";
import { readPages, type GraphPage } from "./client/read-pages.js";

// One delta round carries each user's manager as manager@delta, which /users can only do at 100 a page.
const usersDeltaUrl = `/users/delta?$select=${directoryUserSelect}`;
const usersDeltaHeaders = { Prefer: "odata.maxpagesize=999" };

/** The directory through /users/delta (User.Read.All), a page at a time; the last page carries the deltaLink. */
export function readUsersDeltaPages(graph: GraphClient): AsyncGenerator<GraphPage> {
  return readPages(graph, usersDeltaUrl, usersDeltaHeaders);
}
