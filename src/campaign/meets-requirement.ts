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

/**
 * Whether the campaign counts this person as registered: by the report, or by a live check they
 * triggered with "I've done it" (the report lags by hours).
 */
export function isRegistered(
  requirement: Requirement,
  person: { readonly isMfaRegistered: boolean; readonly methodsRegistered: readonly string[] },
  history: { readonly confirmedRegisteredAt: number | undefined } | undefined,
): boolean {
  return history?.confirmedRegisteredAt !== undefined || meetsRequirement(requirement, person.isMfaRegistered, person.methodsRegistered);
}
