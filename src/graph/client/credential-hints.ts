import { AppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";

/** Entra ID sign-in errors we can name the fix for (codes from login.microsoftonline.com). */
const knownAadsts: Record<string, string> = {
  AADSTS7000215: "The client secret is wrong: AZURE_CLIENT_SECRET must be the secret's Value, not its Secret ID.",
  AADSTS7000222: "The client secret has expired: create a new one under Certificates & secrets and update AZURE_CLIENT_SECRET.",
  AADSTS700016:
    "No application with AZURE_CLIENT_ID exists in tenant AZURE_TENANT_ID: check both ids, and that the app is registered in that tenant.",
  AADSTS90002: "Tenant AZURE_TENANT_ID was not found: use the Directory (tenant) ID from the app registration's Overview page.",
  AADSTS700027:
    "The certificate was not accepted: upload its public part to the app registration (Certificates & secrets) or fix AZURE_CLIENT_CERTIFICATE_PATH.",
  AADSTS7000112: "The application is disabled in this tenant: re-enable it under Enterprise applications > Properties.",
  AADSTS500011: "The Graph service principal was not found in the tenant: check AZURE_TENANT_ID.",
};

/** Wraps a token acquisition failure from @azure/identity into a coded error with its fix. */
export function toCredentialError(error: unknown): AppError {
  const text = error instanceof Error ? error.message : String(error);
  const code = /AADSTS\d+/.exec(text)?.[0];
  const hint = code ? knownAadsts[code] : undefined;
  if (/ManagedIdentityCredential|IMDS|managed identity/i.test(text) && !code) {
    return new AppError(ErrorCode.GraphCredentialsMissing, "No managed identity is available on this host.", {
      cause: error,
      hint:
        "Set GRAPH_ACCESS_TOKEN, or AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET " +
        "(or AZURE_CLIENT_CERTIFICATE_PATH), or run on an Azure host with a managed identity.",
    });
  }
  return new AppError(ErrorCode.GraphCredentialRejected, `Could not get a Graph token: ${firstLine(text)}`, {
    cause: error,
    details: { aadsts: code },
    hint: hint ?? "Check AZURE_TENANT_ID, AZURE_CLIENT_ID and the secret or certificate of the app registration.",
  });
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
