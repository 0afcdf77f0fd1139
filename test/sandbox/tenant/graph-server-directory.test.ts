import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTenant } from "../../../src/sandbox/tenant/generate-tenant.js";
import { startGraphServer, type GraphServer } from "../../../src/sandbox/tenant/start-graph-server.js";
import { fetchAllPages, fetchGraph, type GraphCollection, type GraphErrorResponse } from "./fetch-graph.js";
import { schemaErrors } from "./graph-schema.js";

type User = Record<string, unknown> & { id: string };

const tenant = generateTenant({ seed: 21, size: 500 });
const people = tenant.users.filter((user) => user.kind === "person");
const ceo = people.find((user) => user.managerId === null);
const withManager = people.find((user) => user.managerId !== null && user.managerId !== ceo?.id);
const guest = tenant.users.find((user) => user.kind === "guest");
let server: GraphServer;
let base = "";

beforeAll(async () => {
  server = await startGraphServer(tenant);
  base = `${server.url}/v1.0`;
});
afterAll(() => server.close());

describe("GET /users", () => {
  it("pages through every directory user once, and never a deleted one", async () => {
    const pages = await fetchAllPages<User>(`${base}/users?$top=120&$select=id`);
    const ids = pages.flatMap((page) => page.value.map((user) => user.id));
    expect(pages).toHaveLength(5);
    expect(ids).toEqual(tenant.users.map((user) => user.id));
    expect(ids).not.toContain(tenant.deletedUsers[0]?.id);
  });

  it("returns Graph's default properties without $select, and only the selected ones with it", async () => {
    const plain = await fetchGraph<GraphCollection<User>>(`${base}/users?$top=1`);
    expect(Object.keys(plain.body.value[0] ?? {})).toEqual([
      "businessPhones",
      "displayName",
      "givenName",
      "jobTitle",
      "mail",
      "mobilePhone",
      "officeLocation",
      "preferredLanguage",
      "surname",
      "userPrincipalName",
      "id",
    ]);
    const selected = await fetchGraph<GraphCollection<User>>(`${base}/users?$top=3&$select=id,accountEnabled,department,userType`);
    for (const user of selected.body.value) expect(Object.keys(user)).toEqual(["id", "accountEnabled", "department", "userType"]);
    expect(selected.body["@odata.context"]).toBe("https://graph.microsoft.com/v1.0/$metadata#users(id,accountEnabled,department,userType)");
  });

  it("filters by startswith on the UPN and by a list of ids joined with or", async () => {
    const services = await fetchGraph<GraphCollection<User>>(
      `${base}/users?$filter=${encodeURIComponent("startswith(userPrincipalName,'svc-')")}&$select=id`,
    );
    expect(services.body.value.map((user) => user.id).sort()).toEqual(
      tenant.users
        .filter((user) => user.kind === "service")
        .map((user) => user.id)
        .sort(),
    );
    const [a, b] = people;
    const pair = await fetchGraph<GraphCollection<User>>(
      `${base}/users?$filter=${encodeURIComponent(`id eq '${a?.id}' or id eq '${b?.id}'`)}&$select=id`,
    );
    expect(pair.body.value.map((user) => user.id).sort()).toEqual([a?.id, b?.id].sort());
    const disabled = await fetchGraph<GraphCollection<User>>(
      `${base}/users?$filter=${encodeURIComponent("accountEnabled eq false and userType eq 'Member'")}&$top=999&$select=id`,
    );
    expect(disabled.body.value).toHaveLength(tenant.users.filter((user) => !user.accountEnabled && user.userType === "Member").length);
  });

  it("nests the manager with $expand=manager and caps such pages at 100", async () => {
    const page = await fetchGraph<GraphCollection<User>>(
      `${base}/users?$top=999&$select=id,displayName&$expand=${encodeURIComponent("manager($select=id,displayName)")}`,
    );
    expect(page.body.value).toHaveLength(100);
    expect(page.body["@odata.nextLink"]).toBeDefined();
    const pages = await fetchAllPages<User>(`${base}/users?$top=999&$select=id&$expand=manager($select=id)`);
    const rows = pages.flatMap((p) => p.value);
    expect(rows).toHaveLength(500);
    const row = rows.find((user) => user.id === withManager?.id);
    expect(row?.manager).toEqual({ "@odata.type": "#microsoft.graph.user", id: withManager?.managerId });
    expect(rows.find((user) => user.id === ceo?.id)).not.toHaveProperty("manager");
  });

  it("walks the management chain with $levels=max, as in Microsoft's example", async () => {
    const response = await fetchGraph<User>(
      `${base}/users/${withManager?.id}?$select=id,displayName&$expand=` +
        encodeURIComponent("manager($levels=max;$select=id,displayName)"),
    );
    let node = response.body as Record<string, unknown> | undefined;
    let depth = 0;
    while (node?.manager !== undefined) {
      node = node.manager as Record<string, unknown>;
      depth++;
    }
    expect(depth).toBeGreaterThanOrEqual(2);
    expect(node?.id).toBe(ceo?.id);
  });

  it("serves users and expanded managers that satisfy Graph's user schema", async () => {
    const all =
      "id,displayName,givenName,surname,mail,userPrincipalName,department,jobTitle," +
      "accountEnabled,userType,preferredLanguage,usageLocation,createdDateTime";
    const rows = (await fetchAllPages<User>(`${base}/users?$select=${all}&$expand=manager`)).flatMap((page) => page.value);
    expect(schemaErrors("microsoft.graph.user", rows)).toEqual([]);
    expect(
      schemaErrors(
        "microsoft.graph.directoryObject",
        rows.flatMap((row) => (row.manager ? [row.manager] : [])),
      ),
    ).toEqual([]);
    const delta = (await fetchAllPages<User>(`${base}/users/delta?$select=${all},manager`)).flatMap((page) => page.value);
    expect(schemaErrors("microsoft.graph.user", delta)).toEqual([]);
    const members = (await fetchAllPages<User>(`${base}/groups/${tenant.groups.pilot}/transitiveMembers`)).flatMap((page) => page.value);
    expect(schemaErrors("microsoft.graph.user", members)).toEqual([]);
  });
});

describe("GET /users/{id | userPrincipalName} and /manager", () => {
  it("finds a user by id and by UPN, including a guest's #EXT# UPN", async () => {
    expect((await fetchGraph<User>(`${base}/users/${ceo?.id}?$select=id,jobTitle`)).body).toMatchObject({
      id: ceo?.id,
      jobTitle: "Chief Executive Officer",
    });
    const byUpn = await fetchGraph<User>(`${base}/users/${encodeURIComponent(guest?.userPrincipalName ?? "")}?$select=id,userType`);
    expect(byUpn.body).toMatchObject({ id: guest?.id, userType: "Guest" });
  });

  it("answers 404 Request_ResourceNotFound for an unknown or deleted user", async () => {
    for (const key of ["nobody@contoso.com", tenant.deletedUsers[0]?.id ?? "x"]) {
      const response = await fetchGraph<GraphErrorResponse>(`${base}/users/${key}`);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe("Request_ResourceNotFound");
    }
  });

  it("returns the manager as a typed directoryObject, and 404 for someone without one", async () => {
    const manager = await fetchGraph<User>(`${base}/users/${withManager?.id}/manager?$select=id,displayName`);
    expect(manager.body).toMatchObject({ "@odata.type": "#microsoft.graph.user", id: withManager?.managerId });
    const none = await fetchGraph<GraphErrorResponse>(`${base}/users/${ceo?.id}/manager`);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe("Request_ResourceNotFound");
  });
});

describe("GET /users/delta", () => {
  it("pages by Prefer: odata.maxpagesize, carries manager@delta, and ends with a deltaLink", async () => {
    const pages = await fetchAllPages<User>(`${base}/users/delta?$select=displayName,manager`, {
      headers: { Prefer: "odata.maxpagesize=200" },
    });
    expect(pages.map((page) => page.value.length)).toEqual([200, 200, 100]);
    for (const page of pages.slice(0, -1)) {
      expect(page["@odata.nextLink"]).toMatch(new RegExp(`^${base}/users/delta\\?\\$skiptoken=`));
      expect(page["@odata.deltaLink"]).toBeUndefined();
    }
    const rows = pages.flatMap((page) => page.value);
    expect(rows.map((row) => row.id)).toEqual(tenant.users.map((user) => user.id));
    expect(rows.find((row) => row.id === withManager?.id)).toEqual({
      id: withManager?.id,
      displayName: withManager?.displayName,
      "manager@delta": [{ "@odata.type": "#microsoft.graph.user", id: withManager?.managerId }],
    });
    expect(rows.find((row) => row.id === ceo?.id)).not.toHaveProperty("manager@delta");
    const deltaLink = pages.at(-1)?.["@odata.deltaLink"] ?? "";
    expect(deltaLink).toMatch(new RegExp(`^${base}/users/delta\\?\\$deltatoken=`));
    const next = await fetchGraph<GraphCollection>(deltaLink);
    expect(next.body.value).toEqual([]);
    expect(next.body["@odata.deltaLink"]).toMatch(/\$deltatoken=/);
  });

  it("pages 100 users at a time when no page size is preferred", async () => {
    const first = await fetchGraph<GraphCollection>(`${base}/users/delta?$select=id`);
    expect(first.body.value).toHaveLength(100);
    expect(first.headers.get("preference-applied")).toBeNull();
  });
});

describe("GET /groups/{id}/transitiveMembers", () => {
  it("pages through the members as typed user objects", async () => {
    const members = tenant.groupMembers.get(tenant.groups.pilot) ?? [];
    const pages = await fetchAllPages<User>(`${base}/groups/${tenant.groups.pilot}/transitiveMembers?$select=id,displayName&$top=7`);
    expect(pages.length).toBe(Math.ceil(members.length / 7));
    const rows = pages.flatMap((page) => page.value);
    expect(rows.map((row) => row.id)).toEqual(members);
    for (const row of rows) expect(row["@odata.type"]).toBe("#microsoft.graph.user");
  });

  it("answers 404 for an unknown group", async () => {
    const response = await fetchGraph<GraphErrorResponse>(`${base}/groups/00000000-0000-4000-8000-000000000000/transitiveMembers`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("Request_ResourceNotFound");
  });
});

describe("GET /users/{id}/authentication/methods", () => {
  it("lists the password and one typed method per registration", async () => {
    const user = people.find(
      (p) => p.methodsRegistered.includes("mobilePhone") && p.methodsRegistered.includes("microsoftAuthenticatorPush"),
    );
    const response = await fetchGraph<GraphCollection<{ "@odata.type": string; phoneType?: string; phoneNumber?: string }>>(
      `${base}/users/${user?.id}/authentication/methods`,
    );
    const types = response.body.value.map((method) => method["@odata.type"]);
    expect(types[0]).toBe("#microsoft.graph.passwordAuthenticationMethod");
    expect(types).toContain("#microsoft.graph.microsoftAuthenticatorAuthenticationMethod");
    const phone = response.body.value.find((method) => method["@odata.type"] === "#microsoft.graph.phoneAuthenticationMethod");
    expect(phone).toMatchObject({ phoneType: "mobile" });
    expect(phone?.phoneNumber).toMatch(/X{4,}/);
  });

  it("lists only the password for someone who registered nothing", async () => {
    const user = people.find((p) => p.methodsRegistered.length === 0);
    const response = await fetchGraph<GraphCollection<{ "@odata.type": string }>>(`${base}/users/${user?.id}/authentication/methods`);
    expect(response.body.value.map((method) => method["@odata.type"])).toEqual(["#microsoft.graph.passwordAuthenticationMethod"]);
  });
});
