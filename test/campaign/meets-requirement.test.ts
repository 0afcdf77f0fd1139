import { describe, expect, it } from "vitest";
import { isRegistered, meetsRequirement } from "../../src/campaign/meets-requirement.js";
import type { Requirement } from "../../src/campaign/policy.js";

describe("whether the methods registered meet the campaign's requirement", () => {
  it.each<[Requirement, boolean, string[], boolean]>([
    // Plain MFA: the report's flag, or any method that is a second factor.
    ["mfa", true, [], true],
    ["mfa", false, [], false],
    ["mfa", false, ["email", "password", "securityQuestion"], false],
    ["mfa", false, ["mobilePhone"], true],
    ["mfa", false, ["softwareOneTimePasscode"], true],
    ["mfa", false, ["email", "microsoftAuthenticatorPush"], true],
    // The Authenticator app (or better): phones and reset-only methods do not count, the flag neither.
    ["authenticator", true, [], false],
    ["authenticator", true, ["mobilePhone", "alternateMobilePhone", "officePhone", "email", "password"], false],
    ["authenticator", false, ["microsoftAuthenticatorPush"], true],
    ["authenticator", false, ["softwareOneTimePasscode"], true],
    ["authenticator", false, ["fido2SecurityKey"], true],
    ["authenticator", false, ["securityQuestion"], false],
    // Phishing-resistant: only the listed kinds.
    ["phishingResistant", true, ["microsoftAuthenticatorPush", "mobilePhone", "softwareOneTimePasscode"], false],
    ["phishingResistant", false, ["fido2SecurityKey"], true],
    ["phishingResistant", false, ["windowsHelloForBusiness"], true],
    ["phishingResistant", false, ["passKeyDeviceBound"], true],
    ["phishingResistant", false, ["passKeyDeviceBoundAuthenticator"], true],
    ["phishingResistant", false, ["passKeyDeviceBoundWindowsHello"], true],
    ["phishingResistant", false, ["x509CertificateMultiFactor"], true],
    ["phishingResistant", false, ["x509CertificateSingleFactor"], false],
    ["phishingResistant", false, ["microsoftAuthenticatorPush", "fido2SecurityKey"], true],
  ])("%s, flag %s, %j: %s", (requirement, flag, methods, meets) => {
    expect(meetsRequirement(requirement, flag, methods)).toBe(meets);
  });
});

describe("whether the campaign counts a person as registered", () => {
  const unregistered = { isMfaRegistered: false, methodsRegistered: [] };

  it("trusts a live check over the lagging report, whenever it happened", () => {
    expect(isRegistered("phishingResistant", unregistered, { confirmedRegisteredAt: Date.UTC(2026, 10, 17) })).toBe(true);
    expect(isRegistered("mfa", unregistered, { confirmedRegisteredAt: 0 })).toBe(true);
  });

  it("goes by the report without a live check", () => {
    expect(isRegistered("mfa", unregistered, { confirmedRegisteredAt: undefined })).toBe(false);
    expect(isRegistered("mfa", unregistered, undefined)).toBe(false);
    expect(isRegistered("mfa", { isMfaRegistered: true, methodsRegistered: [] }, undefined)).toBe(true);
    expect(isRegistered("authenticator", { isMfaRegistered: true, methodsRegistered: ["mobilePhone"] }, undefined)).toBe(false);
  });
});

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
    // The report's userRegisteredMethodType enumeration has "none" (no method): nothing to sign in with.
    [["none"], true, false, false, false],
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
