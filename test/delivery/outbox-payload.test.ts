import { describe, expect, it } from "vitest";
import { firstNameOf } from "../../src/delivery/outbox-payload.js";

describe("the name a card greets someone by", () => {
  it("is their given name when the directory has one, whatever the display name says", () => {
    expect(firstNameOf({ givenName: "Anna", displayName: "Dr. Anna Berg", userPrincipalName: "anna.berg@contoso.com" })).toBe("Anna");
  });

  it("is the first word of the display name without a given name, split at spaces and commas", () => {
    expect(firstNameOf({ givenName: null, displayName: "Jonas Weber", userPrincipalName: "jw@contoso.com" })).toBe("Jonas");
    expect(firstNameOf({ givenName: null, displayName: "Berg,Anna", userPrincipalName: "ab@contoso.com" })).toBe("Berg");
    expect(firstNameOf({ givenName: null, displayName: "Service\tDesk", userPrincipalName: "sd@contoso.com" })).toBe("Service");
  });

  it("is the part of the sign-in name before the @ without either name", () => {
    expect(firstNameOf({ givenName: null, displayName: null, userPrincipalName: "anna.berg@contoso.com" })).toBe("anna.berg");
  });

  it("passes over a blank name to the next, as it does a missing one", () => {
    expect(firstNameOf({ givenName: "", displayName: "Jonas Weber", userPrincipalName: "jw@contoso.com" })).toBe("Jonas");
    expect(firstNameOf({ givenName: "  ", displayName: "  ", userPrincipalName: "anna.berg@contoso.com" })).toBe("anna.berg");
    expect(firstNameOf({ givenName: null, displayName: " Jonas Weber", userPrincipalName: "jw@contoso.com" })).toBe("Jonas");
  });
});
