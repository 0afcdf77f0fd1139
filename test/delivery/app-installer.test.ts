import { describe, expect, it } from "vitest";
import { createAppInstaller } from "../../src/delivery/app-installer.js";
import { AppError, isAppError } from "../../src/errors/app-error.js";
import { ErrorCode } from "../../src/errors/error-code.js";
import type { GraphClient } from "../../src/graph/client/graph-client.js";
import { ManualClock } from "../support/manual-clock.js";

type Answer = unknown;

/**
 * A Graph stand-in: each request takes the next scripted answer (a body, or an AppError to throw, as
 * the real client's error mapping would) and is recorded as "METHOD path".
 */
function fakeGraph(answers: { get?: Answer[]; post?: Answer[] } = {}) {
  const calls: string[] = [];
  const bodies: unknown[] = [];
  const gets = [...(answers.get ?? [])];
  const posts = [...(answers.post ?? [])];
  const next = (queue: Answer[], fallback: unknown) => {
    const answer = queue.length > 0 ? queue.shift() : fallback;
    return answer instanceof AppError ? Promise.reject(answer) : Promise.resolve(answer);
  };
  const graph: GraphClient = {
    baseUrl: "https://graph.microsoft.com",
    get: (path) => {
      calls.push(`GET ${path}`);
      return next(gets, { value: [] });
    },
    post: async (path, body) => {
      calls.push(`POST ${path}`);
      bodies.push(body);
      await next(posts, {});
      return { status: 201, body: {} };
    },
  };
  return { graph, calls, bodies };
}

const installPath = "/users/user%2F1/teamwork/installedApps";
const graphError = (code: ErrorCode, graphCode: string, path = installPath) =>
  new AppError(code, `Graph refused (${graphCode})`, { details: { graphCode, path, status: 0 } });

describe("installing the bot for a person through Graph", () => {
  it("posts the catalogue app to the person's installed apps", async () => {
    const { graph, calls, bodies } = fakeGraph();
    const installer = createAppInstaller(graph, "cat-app-1", new ManualClock(0));
    expect(await installer.installFor("user/1")).toEqual({ outcome: "installed" });
    expect(calls).toEqual([`POST ${installPath}`]);
    expect(bodies).toEqual([{ "teamsApp@odata.bind": "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/cat-app-1" }]);
  });

  it("binds to the catalog on the Graph the client talks to, whatever its base URL", async () => {
    const { graph, bodies } = fakeGraph();
    await createAppInstaller({ ...graph, baseUrl: "http://127.0.0.1:4000/" }, "cat-app-1", new ManualClock(0)).installFor("u1");
    expect(bodies).toEqual([{ "teamsApp@odata.bind": "http://127.0.0.1:4000/v1.0/appCatalogs/teamsApps/cat-app-1" }]);
  });

  it.each<[string, AppError, unknown]>([
    ["a 409 as installed already", graphError(ErrorCode.GraphConflict, "Conflict"), { outcome: "alreadyInstalled" }],
    [
      "a 403 as blocked by a Teams app permission policy, with Graph's code",
      graphError(ErrorCode.GraphForbidden, "Forbidden"),
      { outcome: "blocked", code: "Forbidden" },
    ],
    [
      "a 404 on the person as someone no longer in the directory",
      graphError(ErrorCode.GraphNotFound, "Request_ResourceNotFound"),
      { outcome: "userGone", code: "Request_ResourceNotFound" },
    ],
  ])("takes %s", async (_name, error, result) => {
    const { graph } = fakeGraph({ post: [error] });
    expect(await createAppInstaller(graph, "cat-app-1", new ManualClock(0)).installFor("user/1")).toEqual(result);
  });

  it("passes a momentary failure on, and tries again on the next call", async () => {
    const failure = new AppError(ErrorCode.GraphThrottled, "throttled");
    const { graph, calls } = fakeGraph({ post: [failure] });
    const installer = createAppInstaller(graph, "cat-app-1", new ManualClock(0));
    await expect(installer.installFor("user/1")).rejects.toBe(failure);
    expect(await installer.installFor("user/1")).toEqual({ outcome: "installed" });
    expect(calls).toEqual([`POST ${installPath}`, `POST ${installPath}`]);
  });

  it("calls a 404 on the app itself a wrong catalog id, naming the id", async () => {
    const { graph } = fakeGraph({ post: [graphError(ErrorCode.GraphNotFound, "NotFound")] });
    const error: unknown = await createAppInstaller(graph, "cat-app-1", new ManualClock(0))
      .installFor("user/1")
      .catch((e: unknown) => e);
    expect(isAppError(error, ErrorCode.TeamsAppNotInCatalog)).toBe(true);
    expect((error as AppError).details).toEqual({ catalogAppId: "cat-app-1" });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["Graph's status when its code is empty", { graphCode: "", status: 403, path: installPath }, "403"],
    ["Graph's status when it gave no code", { status: 403, path: installPath }, "403"],
    ["nothing when Graph gave neither code nor status", { path: installPath }, ""],
  ])("names a blocked install by %s", async (_name, details, code) => {
    const { graph } = fakeGraph({ post: [new AppError(ErrorCode.GraphForbidden, "Graph refused the install.", { details })] });
    expect(await createAppInstaller(graph, "cat-app-1", new ManualClock(0)).installFor("user/1")).toEqual({ outcome: "blocked", code });
  });

  it("says which catalog id Graph did not find, and where to look for the right one", async () => {
    const notFound = graphError(ErrorCode.GraphNotFound, "NotFound");
    const { graph } = fakeGraph({ post: [notFound] });
    const error = (await createAppInstaller(graph, "cat-app-1", new ManualClock(0))
      .installFor("user/1")
      .catch((e: unknown) => e)) as AppError;
    expect([error.message, error.hint, error.cause]).toEqual([
      "Graph found no Teams app with the catalog id cat-app-1 to install.",
      "Check the App ID of MFA Nudge in the Teams admin center (Teams apps > Manage apps). Set TEAMS_CATALOG_APP_ID to it, " +
        "or leave TEAMS_CATALOG_APP_ID unset so the bot looks it up by TEAMS_APP_ID (needs AppCatalog.Read.All).",
      notFound,
    ]);
  });

  it.each<[string, AppError]>([
    ["a failure other than a 404 on the install path", graphError(ErrorCode.GraphUnreachable, "")],
    ["a 404 on another path", graphError(ErrorCode.GraphNotFound, "NotFound", "/users/user%2F1")],
    ["a 404 that names no path", new AppError(ErrorCode.GraphNotFound, "Graph refused", { details: { graphCode: "NotFound" } })],
  ])("passes %s on as it is, and keeps asking Graph", async (_name, failure) => {
    const { graph, calls } = fakeGraph({ post: [failure] });
    const installer = createAppInstaller(graph, "cat-app-1", new ManualClock(0));
    await expect(installer.installFor("user/1")).rejects.toBe(failure);
    expect(await installer.installFor("user/1")).toEqual({ outcome: "installed" });
    expect(calls).toEqual([`POST ${installPath}`, `POST ${installPath}`]);
  });

  it("stops asking Graph for 15 minutes after a setup error, then asks again", async () => {
    const missing = new AppError(ErrorCode.GraphPermissionMissing, "Graph refused the install.");
    const { graph, calls } = fakeGraph({ post: [missing] });
    const clock = new ManualClock(1_000_000);
    const installer = createAppInstaller(graph, "cat-app-1", clock);
    await expect(installer.installFor("user/1")).rejects.toBe(missing);
    await clock.advance(15 * 60_000 - 1);
    await expect(installer.installFor("user/1")).rejects.toBe(missing);
    await expect(installer.chatWith("user/1")).rejects.toBe(missing);
    expect(calls).toEqual([`POST ${installPath}`]);
    await clock.advance(1);
    expect(await installer.installFor("user/1")).toEqual({ outcome: "installed" });
    expect(calls).toEqual([`POST ${installPath}`, `POST ${installPath}`]);
  });
});

describe("finding the chat Teams opened after the install", () => {
  const filter = encodeURIComponent("teamsApp/id eq 'cat-app-1'");
  const findPath = `${installPath}?$expand=teamsApp&$filter=${filter}`;

  it("reads the installation, then its chat", async () => {
    const { graph, calls } = fakeGraph({ get: [{ value: [{ id: "inst/1" }] }, { id: "19:chat@unq.gbl.spaces" }] });
    expect(await createAppInstaller(graph, "cat-app-1", new ManualClock(0)).chatWith("user/1")).toBe("19:chat@unq.gbl.spaces");
    expect(calls).toEqual([`GET ${findPath}`, `GET ${installPath}/inst%2F1/chat`]);
  });

  it("answers undefined while the app is not installed", async () => {
    const { graph, calls } = fakeGraph({ get: [{ value: [] }] });
    expect(await createAppInstaller(graph, "cat-app-1", new ManualClock(0)).chatWith("user/1")).toBeUndefined();
    expect(calls).toEqual([`GET ${findPath}`]);
  });

  it("answers undefined while Teams has not opened the installation's chat (404)", async () => {
    const { graph } = fakeGraph({ get: [{ value: [{ id: "inst-1" }] }, graphError(ErrorCode.GraphNotFound, "NotFound", "/chat")] });
    expect(await createAppInstaller(graph, "cat-app-1", new ManualClock(0)).chatWith("user/1")).toBeUndefined();
  });

  it("passes on a 404 while looking for the installation: the person, not the catalog id", async () => {
    const failure = graphError(ErrorCode.GraphNotFound, "NotFound", findPath);
    const { graph } = fakeGraph({ get: [failure] });
    await expect(createAppInstaller(graph, "cat-app-1", new ManualClock(0)).chatWith("user/1")).rejects.toBe(failure);
  });

  it("passes other failures on", async () => {
    const failure = new AppError(ErrorCode.GraphUnreachable, "Graph did not answer.");
    const { graph } = fakeGraph({ get: [{ value: [{ id: "inst-1" }] }, failure] });
    await expect(createAppInstaller(graph, "cat-app-1", new ManualClock(0)).chatWith("user/1")).rejects.toBe(failure);
  });
});
