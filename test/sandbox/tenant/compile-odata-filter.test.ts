import { describe, expect, it } from "vitest";
import { compileODataFilter } from "../../../src/sandbox/tenant/compile-odata-filter.js";
import { GraphError } from "../../../src/sandbox/tenant/graph-error.js";

const PROPERTIES = {
  scalars: new Set(["id", "userType", "isMfaRegistered", "isAdmin", "userPrincipalName", "department", "teamsApp/id"]),
  collections: new Set(["methodsRegistered"]),
};

const row = {
  id: "a1",
  userType: "member",
  isMfaRegistered: false,
  isAdmin: true,
  userPrincipalName: "Ada@Contoso.com",
  department: null,
  methodsRegistered: ["email", "mobilePhone"],
  teamsApp: { id: "app-1" },
};

describe("compileODataFilter", () => {
  it.each([
    ["isMfaRegistered eq false", true],
    ["isMfaRegistered eq true", false],
    ["userType eq 'member' and isAdmin eq true", true],
    ["userType eq 'Member'", true],
    ["userType eq 'guest' or isAdmin eq true", true],
    ["id eq 'zz' or id eq 'a1'", true],
    ["id eq 'zz' or id eq 'yy'", false],
    ["startswith(userPrincipalName,'ada@')", true],
    ["startsWith(userPrincipalName, 'bob')", false],
    ["department eq null", true],
    ["userType ne 'guest'", true],
    ["not (isAdmin eq true)", false],
    ["(userType eq 'guest' or isAdmin eq true) and isMfaRegistered eq false", true],
    ["methodsRegistered/any(m: m eq 'mobilePhone')", true],
    ["methodsRegistered/any(x:x eq 'fido2SecurityKey')", false],
    ["teamsApp/id eq 'app-1'", true],
    ["userPrincipalName eq 'O''Brien@contoso.com'", false],
  ])("evaluates %s to %s", (filter, expected) => {
    expect(compileODataFilter(filter, PROPERTIES)(row)).toBe(expected);
  });

  it.each([
    "unknownProperty eq 1",
    "isMfaRegistered gt false",
    "isMfaRegistered eq",
    "userType eq 'member' and",
    "contains(userPrincipalName,'a')",
    "userType eq 'unterminated",
    "userType eq 'member')",
    "department/any(d: d eq 'IT')",
    "userType eq member",
    "id in ('a','b')",
    "",
  ])("rejects %j as a 400 that mentions the filter", (filter) => {
    let caught: unknown;
    try {
      compileODataFilter(filter, PROPERTIES);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraphError);
    expect(caught).toMatchObject({ status: 400, code: "BadRequest" });
    expect((caught as GraphError).message).toMatch(/filter/i);
  });
});
