import type { Requirement } from "./policy.js";

/*
 * Graph's methodsRegistered values. Phone methods (SMS, voice) are phishable and SIM-swappable;
 * email and password count for self-service reset only, never as a second factor.
 */
const phoneMethods = new Set(["mobilePhone", "alternateMobilePhone", "officePhone"]);
const notSecondFactors = new Set(["email", "password", "securityQuestion"]);
const phishingResistant = new Set([
  "fido2SecurityKey",
  "windowsHelloForBusiness",
  "passKeyDeviceBound",
  "passKeyDeviceBoundAuthenticator",
  "passKeyDeviceBoundWindowsHello",
  "x509CertificateMultiFactor",
]);

/** Whether the methods registered satisfy the campaign's requirement. */
export function meetsRequirement(requirement: Requirement, isMfaRegistered: boolean, methods: readonly string[]): boolean {
  switch (requirement) {
    case "mfa":
      return isMfaRegistered || methods.some((m) => !notSecondFactors.has(m));
    case "authenticator":
      return methods.some((m) => !notSecondFactors.has(m) && !phoneMethods.has(m));
    case "phishingResistant":
      return methods.some((m) => phishingResistant.has(m));
  }
}
