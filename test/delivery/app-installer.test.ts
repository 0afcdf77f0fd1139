import { describe, expect, it } from "vitest";
import { createAppInstaller } from "../../src/delivery/app-installer.js";
import type { GraphClient } from "../../src/graph/client/graph-client.js";
import { AppError } from "../../src/errors/app-error.js";
import { ErrorCode } from "../../src/errors/error-code.js";

/** A Graph stand-in that records each POST and answers with the given error, or 201. */
function fakeGraph(error?: Error) {
  const posts: { path: string; body: unknown }[] = [];
  const graph: GraphClient = {
    baseUrl: "https://graph.microsoft.com",
    get: () => Promise.reject(new Error("not used")),
    post: (path, body) => {
      posts.push({ path, body });
      return error ? Promise.reject(error) : Promise.resolve({ status: 201, body: {} });
    },
  };
  return { graph, posts };
}

describe("installing the bot for a person through Graph", () => {
  it("posts the catalogue app to the person's installed apps", async () => {
    const { graph, posts } = fakeGraph();
    const installer = createAppInstaller(graph, "cat-app-1");
    expect(await installer.installFor("user/1")).toBe("installed");
    expect(posts).toEqual([
      {
        path: "/users/user%2F1/teamwork/installedApps",
        body: { "teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/cat-app-1" },
      },
    ]);
  });

  it("binds to the catalog on the Graph the client talks to, whatever its base URL", async () => {
    const { graph, posts } = fakeGraph();
    await createAppInstaller({ ...graph, baseUrl: "http://127.0.0.1:4000/" }, "cat-app-1").installFor("u1");
    expect(posts[0]?.body).toEqual({ "teamsApp@odata.bind": "http://127.0.0.1:4000/v1.0/appCatalogs/teamsApps/cat-app-1" });
  });

  it.each<[string, ErrorCode, string]>([
    ["a 409 as installed already", ErrorCode.GraphConflict, "alreadyInstalled"],
    ["a 403 as blocked by a Teams app permission policy", ErrorCode.GraphForbidden, "blocked"],
  ])("takes %s", async (_name, code, result) => {
    const { graph } = fakeGraph(new AppError(code, "refused"));
    expect(await createAppInstaller(graph, "cat-app-1").installFor("u1")).toBe(result);
  });

  it("passes any other failure on", async () => {
    const failure = new AppError(ErrorCode.GraphThrottled, "throttled");
    const { graph } = fakeGraph(failure);
    await expect(createAppInstaller(graph, "cat-app-1").installFor("u1")).rejects.toBe(failure);
  });
});
