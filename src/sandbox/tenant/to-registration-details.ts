import { isMfaRegistered } from "./is-mfa-registered.js";
import type { ReportView } from "./report-view.js";
import { hashString } from "./seeded-random.js";
import type { SimulatedUser } from "./simulated-user.js";

/** A microsoft.graph.userRegistrationDetails row, property names and order as in Microsoft's example. */
export interface UserRegistrationDetails {
  id: string;
  userPrincipalName: string;
  userDisplayName: string;
  isAdmin: boolean;
  isSsprRegistered: boolean;
  isSsprEnabled: boolean;
  isSsprCapable: boolean;
  isMfaRegistered: boolean;
  isMfaCapable: boolean;
  isPasswordlessCapable: boolean;
  lastUpdatedDateTime: string;
  methodsRegistered: string[];
  isSystemPreferredAuthenticationMethodEnabled: boolean;
  systemPreferredAuthenticationMethods: string[];
  userPreferredMethodForSecondaryAuthentication: string;
  userType: "member" | "guest";
}

const SSPR_METHODS = new Set(["mobilePhone", "alternateMobilePhone", "officePhone", "email"]);
const PASSWORDLESS_METHODS = new Set(["fido2SecurityKey", "windowsHelloForBusiness", "microsoftAuthenticatorPasswordless"]);

/**
 * Derives the report row from the model. `reportComputedAtMs` stamps rows that have not changed
 * since the report was generated.
 */
export function toRegistrationDetails(user: SimulatedUser, view: ReportView, reportComputedAtMs: number): UserRegistrationDetails {
  const methods = view.methodsRegistered;
  const mfa = isMfaRegistered(methods);
  const ssprRegistered = methods.some((method) => SSPR_METHODS.has(method));
  // The simulated SSPR policy covers interactive members; guests and service accounts are out of scope.
  const ssprEnabled = user.userType === "Member" && user.kind === "person";
  const preferred = preferredSecondFactor(user, methods);
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    isAdmin: user.isAdmin,
    isSsprRegistered: ssprRegistered,
    isSsprEnabled: ssprEnabled,
    isSsprCapable: ssprRegistered && ssprEnabled && user.accountEnabled,
    isMfaRegistered: mfa,
    isMfaCapable: mfa && user.accountEnabled,
    isPasswordlessCapable: user.accountEnabled && methods.some((method) => PASSWORDLESS_METHODS.has(method)),
    lastUpdatedDateTime: new Date(view.changedAtMs ?? reportComputedAtMs).toISOString(),
    methodsRegistered: [...methods],
    isSystemPreferredAuthenticationMethodEnabled: true,
    systemPreferredAuthenticationMethods: systemPreferred(methods),
    userPreferredMethodForSecondaryAuthentication: preferred,
    userType: user.userType === "Guest" ? "guest" : "member",
  };
}

/** The strongest second factor among the registered ones (the documented values only). */
function systemPreferred(methods: readonly string[]): string[] {
  if (methods.includes("microsoftAuthenticatorPush")) return ["push"];
  if (methods.includes("softwareOneTimePasscode")) return ["oath"];
  if (methods.includes("mobilePhone")) return ["sms"];
  if (methods.includes("alternateMobilePhone")) return ["voiceAlternateMobile"];
  if (methods.includes("officePhone")) return ["voiceOffice"];
  return [];
}

/**
 * What the user picked as default. Some phone users prefer a call to a text, as in Microsoft's
 * example. A guest with nothing gets "" (as the docs example shows, though it is not an enum value).
 */
function preferredSecondFactor(user: SimulatedUser, methods: readonly string[]): string {
  if (methods.includes("microsoftAuthenticatorPush"))
    return hashString(user.id) % 5 === 0 && methods.includes("mobilePhone") ? "voiceMobile" : "push";
  if (methods.includes("softwareOneTimePasscode")) return "oath";
  if (methods.includes("mobilePhone")) return hashString(user.id) % 4 === 0 ? "voiceMobile" : "sms";
  if (methods.includes("alternateMobilePhone")) return "voiceAlternateMobile";
  if (methods.includes("officePhone")) return "voiceOffice";
  return user.userType === "Guest" ? "" : "none";
}
