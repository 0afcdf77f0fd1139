import type { Requirement } from "./policy.js";

/*
 * Graph's methodsRegistered values. Phone methods (SMS, voice) are phishable and SIM-swappable;
 * email, security questions and the password count for self-service reset only, and a Temporary
 * Access Pass is a time-limited pass for setting methods up: none of them is a second factor.
 */
const phoneMethods = new Set(["mobilePhone", "alternateMobilePhone", "officePhone"]);
const notSecondFactors = new Set(["email", "password", "securityQuestion", "temporaryAccessPass", "none"]);
const phishingResistant = new Set([
  "fido2SecurityKey",
  "windowsHelloForBusiness",
  "passKeyDeviceBound",
  "passKeyDeviceBoundAuthenticator",
  "passKeyDeviceBoundWindowsHello",
  "x509CertificateMultiFactor",
  // Platform Credential for macOS: a device-bound key in the Secure Enclave.
  "macOsSecureEnclaveKey",
]);

/** Whether the methods registered satisfy the campaign's requirement. */
export function meetsRequirement(requirement: Requirement, isMfaRegistered: boolean, methods: readonly string[]): boolean {
  switch (requirement) {
    case "mfa":
      // The report's own flag is trusted only when it lists no methods to judge by: a Temporary
      // Access Pass or an email address alone is no second factor, whatever the flag says.
      return methods.some((m) => !notSecondFactors.has(m)) || (isMfaRegistered && methods.length === 0);
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
