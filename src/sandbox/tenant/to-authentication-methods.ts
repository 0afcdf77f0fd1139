import { hashString, stableGuid } from "./seeded-random.js";
import type { SimulatedUser } from "./simulated-user.js";

export type AuthenticationMethod = { "@odata.type": string; id: string } & Record<string, unknown>;

/** Well-known ids Graph uses for a user's password and phone/email methods (same in every tenant). */
const PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";
const PHONE_METHOD_IDS = {
  mobile: "3179e48a-750b-4051-897c-87b9720928f7",
  alternateMobile: "b6332ec1-7057-4abe-9331-3d72feddfe41",
  office: "e37fc753-ff3b-4958-9484-eaa9425c82bc",
} as const;
const EMAIL_METHOD_ID = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f";

const PHONE_TYPES: Readonly<Record<string, keyof typeof PHONE_METHOD_IDS>> = {
  mobilePhone: "mobile",
  alternateMobilePhone: "alternateMobile",
  officePhone: "office",
};

/**
 * GET /users/{id}/authentication/methods from the live methods: a password always, then one
 * authenticationMethod per registration with the @odata.type and properties Microsoft documents
 * for v1.0 (learn.microsoft.com/graph/api/resources/authenticationmethods-overview). Hardware OATH
 * tokens and security questions are not among the v1.0 types, so they are left out here, as Graph
 * leaves them out: only the registration report shows them. Phone numbers are masked, as Graph
 * shows them to apps without the privileged read scope.
 */
export function toAuthenticationMethods(user: SimulatedUser): AuthenticationMethod[] {
  const created = user.createdDateTime;
  const methods: AuthenticationMethod[] = [
    { "@odata.type": "#microsoft.graph.passwordAuthenticationMethod", id: PASSWORD_METHOD_ID, password: null, createdDateTime: created },
  ];
  const has = (name: string): boolean => user.methodsRegistered.includes(name);
  const idFor = (kind: string): string => stableGuid(user.id, kind);
  if (has("microsoftAuthenticatorPush") || has("microsoftAuthenticatorPasswordless")) {
    methods.push({
      "@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
      id: idFor("microsoftAuthenticator"),
      displayName: hashString(user.id) % 2 === 0 ? "iPhone 15" : "Pixel 8",
      deviceTag: "SoftwareTokenActivated",
      phoneAppVersion: "6.8.10",
      createdDateTime: created,
    });
  }
  if (has("softwareOneTimePasscode")) {
    methods.push({ "@odata.type": "#microsoft.graph.softwareOathAuthenticationMethod", id: idFor("softwareOath"), secretKey: null });
  }
  for (const [registered, phoneType] of Object.entries(PHONE_TYPES)) {
    if (!has(registered)) continue;
    methods.push({
      "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
      id: PHONE_METHOD_IDS[phoneType],
      phoneNumber: `+1 XXXXXXX${String(hashString(user.id + phoneType) % 1000).padStart(3, "0")}`,
      phoneType,
      smsSignInState: "notAllowedByPolicy",
    });
  }
  if (has("fido2SecurityKey") || has("passKeyDeviceBound") || has("passKeyDeviceBoundAuthenticator")) {
    methods.push({
      "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
      id: idFor("fido2"),
      displayName: "Security key",
      createdDateTime: created,
      aaGuid: "cb69481e-8ff7-4039-93ec-0a2729a154a8",
      model: "YubiKey 5 Series",
      attestationCertificates: [],
      attestationLevel: "attested",
    });
  }
  if (has("windowsHelloForBusiness")) {
    methods.push({
      "@odata.type": "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod",
      id: idFor("windowsHelloForBusiness"),
      displayName: "LAPTOP-CONTOSO",
      createdDateTime: created,
      keyStrength: "normal",
    });
  }
  if (has("macOsSecureEnclaveKey")) {
    methods.push({
      "@odata.type": "#microsoft.graph.platformCredentialAuthenticationMethod",
      id: idFor("platformCredential"),
      displayName: "MacBook Pro",
      createdDateTime: created,
      keyStrength: "normal",
      platform: "macOS",
    });
  }
  if (has("externalAuthenticationMethod")) {
    methods.push({
      "@odata.type": "#microsoft.graph.externalAuthenticationMethod",
      id: idFor("external"),
      configurationId: stableGuid("external-mfa-configuration"),
      displayName: "Partner MFA",
      createdDateTime: created,
    });
  }
  if (has("temporaryAccessPass")) {
    methods.push({
      "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
      id: idFor("temporaryAccessPass"),
      temporaryAccessPass: null,
      createdDateTime: created,
      startDateTime: created,
      lifetimeInMinutes: 60,
      isUsableOnce: true,
      isUsable: true,
      methodUsabilityReason: "EnabledByPolicy",
    });
  }
  if (has("email")) {
    methods.push({
      "@odata.type": "#microsoft.graph.emailAuthenticationMethod",
      id: EMAIL_METHOD_ID,
      emailAddress: user.mail ?? user.userPrincipalName,
    });
  }
  return methods;
}
