import { ClientCertificateCredential, ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from "@azure/identity";
import type { GraphAuth } from "../../config/config.js";
import { AppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";
import { toCredentialError } from "./credential-hints.js";

export interface TokenProvider {
  getToken(): Promise<string>;
}

/**
 * A bearer token source for the configured credential. @azure/identity caches and renews tokens
 * itself, so asking before every request costs nothing.
 */
export function createTokenProvider(auth: GraphAuth, graphBaseUrl: string): TokenProvider {
  if (auth.kind === "token") return { getToken: () => Promise.resolve(auth.token) };
  if (auth.kind === "none") {
    return {
      getToken: () =>
        Promise.reject(
          new AppError(ErrorCode.GraphCredentialsMissing, "No Graph credentials are configured.", {
            hint:
              "Set GRAPH_ACCESS_TOKEN, or AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET " +
              "(or AZURE_CLIENT_CERTIFICATE_PATH), or run on an Azure host with a managed identity. " +
              "To try mfa-nudge without a tenant, run `mfa-nudge demo`.",
          }),
        ),
    };
  }
  const credential = credentialFor(auth);
  const scope = scopeFor(graphBaseUrl);
  return {
    async getToken() {
      try {
        const token = await credential.getToken(scope);
        if (!token) throw new Error("the credential returned no token");
        return token.token;
      } catch (error) {
        throw toCredentialError(error);
      }
    },
  };
}

function credentialFor(auth: Exclude<GraphAuth, { kind: "token" } | { kind: "none" }>): TokenCredential {
  switch (auth.kind) {
    case "secret":
      return new ClientSecretCredential(auth.tenantId, auth.clientId, auth.clientSecret);
    case "certificate":
      return new ClientCertificateCredential(auth.tenantId, auth.clientId, { certificatePath: auth.certificatePath });
    case "managedIdentity":
      return auth.clientId ? new ManagedIdentityCredential({ clientId: auth.clientId }) : new ManagedIdentityCredential();
  }
}

/** National clouds have their own Graph host; the token's audience must match it. */
function scopeFor(graphBaseUrl: string): string {
  const url = new URL(graphBaseUrl);
  return url.protocol === "https:" ? `${url.origin}/.default` : "https://graph.microsoft.com/.default";
}
