import { checkResult, type CheckResult } from "./check-result.js";
import type { DoctorFacts } from "./doctor-facts.js";
import { policyUnreadable } from "./policy-unreadable.js";

const CHECK = "enforcement.registrationCampaign";

const meanings: Record<string, string> = {
  enabled: "Enabled: Entra also asks people to set up Microsoft Authenticator at sign-in, once they pass an MFA challenge.",
  disabled: "Disabled: only mfa-nudge reminds people.",
  default: "Default: Microsoft decides whether Entra asks people to set up Authenticator at sign-in.",
};

/** Entra's own registration campaign ("nudge"): complementary, since it only reaches people who already pass an MFA challenge. */
export function checkRegistrationCampaign(facts: DoctorFacts): CheckResult {
  const campaign = facts.enforcement.registrationCampaign;
  if (!campaign.ok) return policyUnreadable(CHECK, campaign.failure, "Policy.Read.All (or Policy.Read.AuthenticationMethod)");
  return checkResult(CHECK, "ok", meanings[campaign.value] ?? `State "${campaign.value}".`);
}
