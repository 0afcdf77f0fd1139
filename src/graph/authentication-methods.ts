import type { GraphClient } from "./client/graph-client.js";
import { readPages } from "./client/read-pages.js";

/*
 * Every authenticationMethod type GET /users/{id}/authentication/methods returns in v1.0
 * (learn.microsoft.com/graph/api/resources/authenticationmethods-overview), named in the report's
 * methodsRegistered vocabulary so both sources are judged by one rule (campaign/meets-requirement).
 * The password is always there and is never a second factor, so it maps to nothing; a Temporary
 * Access Pass and an email address map to names that rule refuses as second factors. Hardware OATH
 * tokens and security questions are not listed in v1.0 at all: the report has to tell about those.
 */
const byType: Readonly<Record<string, string | ((m: Record<string, unknown>) => string)>> = {
  "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod": "microsoftAuthenticatorPush",
  "#microsoft.graph.phoneAuthenticationMethod": (m) =>
    m.phoneType === "alternateMobile" ? "alternateMobilePhone" : m.phoneType === "office" ? "officePhone" : "mobilePhone",
  "#microsoft.graph.fido2AuthenticationMethod": "fido2SecurityKey",
  "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod": "windowsHelloForBusiness",
  "#microsoft.graph.softwareOathAuthenticationMethod": "softwareOneTimePasscode",
  "#microsoft.graph.platformCredentialAuthenticationMethod": "macOsSecureEnclaveKey",
  // Another identity provider's MFA, accepted by Entra ID as a second factor (external MFA).
  "#microsoft.graph.externalAuthenticationMethod": "externalAuthenticationMethod",
  "#microsoft.graph.temporaryAccessPassAuthenticationMethod": "temporaryAccessPass",
  "#microsoft.graph.emailAuthenticationMethod": "email",
  // Only in beta today; named in case v1.0 starts listing it.
  "#microsoft.graph.hardwareOathAuthenticationMethod": "hardwareOneTimePasscode",
  "#microsoft.graph.passwordAuthenticationMethod": "",
};

export interface LiveMethods {
  /** methodsRegistered names, each once. */
  readonly methods: string[];
  /** @odata.types this code does not know, which a later version of Graph may add. */
  readonly unknownTypes: string[];
}

/**
 * What a person has registered right now (GET /users/{id}/authentication/methods,
 * UserAuthenticationMethod.Read.All): the report lags by hours, so "I've done it" asks the live source.
 */
export async function readLiveMethods(graph: GraphClient, userId: string): Promise<LiveMethods> {
  const found = new Set<string>();
  const unknown = new Set<string>();
  for await (const page of readPages(graph, `/users/${encodeURIComponent(userId)}/authentication/methods`)) {
    for (const method of page.value as Record<string, unknown>[]) {
      const type = String(method["@odata.type"]);
      const rule = byType[type];
      if (rule === undefined) unknown.add(type);
      const name = typeof rule === "function" ? rule(method) : rule;
      if (name) found.add(name);
    }
  }
  return { methods: [...found], unknownTypes: [...unknown] };
}
