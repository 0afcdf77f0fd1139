import { describe, expect, it } from "vitest";
import { meetsRequirement } from "../../src/campaign/meets-requirement.js";

describe("what counts as a second factor", () => {
  it.each([
    // [methods, isMfaRegistered in the report, mfa, authenticator, phishingResistant]
    [["microsoftAuthenticatorPush"], true, true, true, false],
    [["mobilePhone"], true, true, false, false],
    [["softwareOneTimePasscode"], true, true, true, false],
    [["hardwareOneTimePasscode"], true, true, true, false],
    [["externalAuthenticationMethod"], true, true, true, false],
    [["fido2SecurityKey"], true, true, true, true],
    [["windowsHelloForBusiness"], true, true, true, true],
    [["macOsSecureEnclaveKey"], true, true, true, true],
    [["temporaryAccessPass"], true, false, false, false],
    [["email"], false, false, false, false],
    [["securityQuestion"], false, false, false, false],
    [["password"], false, false, false, false],
    [["temporaryAccessPass", "email", "securityQuestion"], true, false, false, false],
    [[], true, true, false, false],
    [[], false, false, false, false],
  ] as const)("%j (report flag %s): mfa %s, authenticator %s, phishing-resistant %s", (methods, flag, mfa, authenticator, resistant) => {
    expect([
      meetsRequirement("mfa", flag, methods),
      meetsRequirement("authenticator", flag, methods),
      meetsRequirement("phishingResistant", flag, methods),
    ]).toEqual([mfa, authenticator, resistant]);
  });
});
