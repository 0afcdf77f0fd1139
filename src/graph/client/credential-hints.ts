import { AppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";

/** The settings a hint names: the Graph app's by default, the bot's when its own sign-in fails. */
export interface CredentialVariables {
  readonly tenantId: string;
  readonly clientId: string;
  readonly secret: string;
  /** The service the token is for, as AADSTS500011 names it. */
  readonly resource: string;
}

const graphVariables: CredentialVariables = {
  tenantId: "AZURE_TENANT_ID",
  clientId: "AZURE_CLIENT_ID",
  secret: "AZURE_CLIENT_SECRET",
  resource: "Graph",
};

/** Entra ID sign-in errors we can name the fix for (codes from login.microsoftonline.com). */
const knownAadsts = (v: CredentialVariables): Record<string, string> => ({
  AADSTS7000215: `The client secret is wrong: ${v.secret} must be the secret's Value, not its Secret ID.`,
  AADSTS7000222: `The client secret has expired: create a new one under Certificates & secrets and update ${v.secret}.`,
  AADSTS700016: `No application with ${v.clientId} exists in tenant ${v.tenantId}: check both ids, and that the app is registered there.`,
  AADSTS90002: `Tenant ${v.tenantId} was not found: use the Directory (tenant) ID from the app registration's Overview page.`,
  AADSTS700027:
    "The certificate was not accepted: upload its public part to the app registration (Certificates & secrets) or fix " +
    "AZURE_CLIENT_CERTIFICATE_PATH.",
  AADSTS7000112: "The application is disabled in this tenant: re-enable it under Enterprise applications > Properties.",
  AADSTS500011: `The ${v.resource} service principal was not found in the tenant: check ${v.tenantId}.`,
});

/** The fix for the first AADSTS code in `text`, naming `variables`; undefined for a code we do not know. */
export function aadstsHint(text: string, variables: CredentialVariables = graphVariables): string | undefined {
  const code = /AADSTS\d+/.exec(text)?.[0];
  return code ? knownAadsts(variables)[code] : undefined;
}

/** Wraps a token acquisition failure from @azure/identity into a coded error with its fix. */
export function toCredentialError(error: unknown): AppError {
  const text = error instanceof Error ? error.message : String(error);
  const code = /AADSTS\d+/.exec(text)?.[0];
  const hint = aadstsHint(text);
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
