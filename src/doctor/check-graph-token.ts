import { checkResult, type CheckResult } from "./check-result.js";
import type { DoctorFacts } from "./doctor-facts.js";

const CHECK = "access.graphToken";

const credentialNames: Record<DoctorFacts["graphAuth"], string> = {
  token: "GRAPH_ACCESS_TOKEN",
  secret: "the client secret of app AZURE_CLIENT_ID",
  certificate: "the certificate of app AZURE_CLIENT_ID",
  managedIdentity: "the managed identity",
  none: "no credentials",
};

/** Can the bot get a Graph token, and does Graph accept it? The AADSTS codes Entra returns become their fix. */
export function checkGraphToken(facts: DoctorFacts): CheckResult {
  const credential = credentialNames[facts.graphAuth].replace("AZURE_CLIENT_ID", facts.clientId ?? "AZURE_CLIENT_ID");
  if (facts.token.ok) return checkResult(CHECK, "ok", `Graph accepted a token from ${credential}.`);
  const { kind, message, hint } = facts.token.failure;
  if (kind === "noCredentials") {
    return checkResult(
      CHECK,
      "fail",
      "No Graph credentials are configured.",
      hint ?? "Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or GRAPH_ACCESS_TOKEN).",
    );
  }
  if (kind === "rejectedToken") {
    return checkResult(
      CHECK,
      "fail",
      `No usable token from ${credential}: ${message}`,
      hint ?? "Check the app registration's credentials.",
    );
  }
  return checkResult(CHECK, "fail", `Could not reach Graph: ${message}`, hint ?? "Check GRAPH_BASE_URL and this host's network.");
}
