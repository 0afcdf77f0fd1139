import type { GraphClient } from "./client/graph-client.js";
import { readPages } from "./client/read-pages.js";

/*
 * authenticationMethod types, as the live endpoint names them, in the report's methodsRegistered
 * vocabulary, so both sources are judged by the same rule. Passwords and temporary access passes
 * are not second factors and map to nothing.
 */
const byType: Record<string, string | ((m: Record<string, unknown>) => string | undefined)> = {
  "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod": "microsoftAuthenticatorPush",
  "#microsoft.graph.softwareOathAuthenticationMethod": "softwareOneTimePasscode",
  "#microsoft.graph.hardwareOathAuthenticationMethod": "hardwareOneTimePasscode",
  "#microsoft.graph.fido2AuthenticationMethod": "fido2SecurityKey",
  "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod": "windowsHelloForBusiness",
  "#microsoft.graph.platformCredentialAuthenticationMethod": "macOsSecureEnclaveKey",
  "#microsoft.graph.emailAuthenticationMethod": "email",
  "#microsoft.graph.phoneAuthenticationMethod": (m) =>
    m.phoneType === "alternateMobile" ? "alternateMobilePhone" : m.phoneType === "office" ? "officePhone" : "mobilePhone",
};

/**
 * What a person has registered right now (GET /users/{id}/authentication/methods): the report
 * lags by hours, so "I've done it" asks the live source.
 */
export async function readLiveMethods(graph: GraphClient, userId: string): Promise<string[]> {
  const found = new Set<string>();
  for await (const page of readPages(graph, `/users/${encodeURIComponent(userId)}/authentication/methods`)) {
    for (const method of page.value as Record<string, unknown>[]) {
      const rule = byType[String(method["@odata.type"])];
      const name = typeof rule === "function" ? rule(method) : rule;
      if (name) found.add(name);
    }
  }
  return [...found];
}
