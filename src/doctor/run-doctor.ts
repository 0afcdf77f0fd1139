import { checkAppPackage } from "./check-app-package.js";
import { checkBotToken } from "./check-bot-token.js";
import { checkBreakGlass } from "./check-break-glass.js";
import { checkCampaignDirectory } from "./check-campaign-directory.js";
import { checkCatalogApp } from "./check-catalog-app.js";
import { checkCatalogId } from "./check-catalog-id.js";
import { checkConditionalAccess } from "./check-conditional-access.js";
import { checkEnforcementCoverage } from "./check-enforcement-coverage.js";
import { checkGraphToken } from "./check-graph-token.js";
import { checkLicence } from "./check-licence.js";
import { checkPermissions } from "./check-permissions.js";
import { checkRegistrationCampaign } from "./check-registration-campaign.js";
import { checkSecurityDefaults } from "./check-security-defaults.js";
import type { CheckResult } from "./check-result.js";
import type { DoctorFacts } from "./doctor-facts.js";
import { summarizeEnforcement, type EnforcementSummary } from "./enforcement-summary.js";
import { gatherDoctorFacts, type DoctorInputs } from "./gather-doctor-facts.js";

export interface DoctorReport {
  /** In the order a newcomer fixes them: access, the Teams app, the campaign, enforcement. */
  readonly checks: readonly CheckResult[];
  readonly enforcement: EnforcementSummary;
  /** No Graph credentials at all: a configuration to complete, not a tenant problem (exit status 2). */
  readonly credentialsMissing: boolean;
  /** ISO instant. */
  readonly checkedAt: string;
}

/** Every check, judged from one set of facts. Pure: the same facts give the same checklist. */
export function judgeDoctorFacts(facts: DoctorFacts, checkedAt: string): DoctorReport {
  const checks = [
    checkGraphToken(facts),
    ...checkPermissions(facts),
    checkLicence(facts),
    checkCatalogApp(facts),
    checkCatalogId(facts),
    checkBotToken(facts),
    checkAppPackage(facts),
    ...checkCampaignDirectory(facts),
    checkSecurityDefaults(facts),
    checkConditionalAccess(facts),
    checkBreakGlass(facts),
    checkRegistrationCampaign(facts),
    checkEnforcementCoverage(facts),
  ];
  return {
    checks,
    enforcement: summarizeEnforcement(facts.enforcement, checkedAt),
    credentialsMissing: !facts.token.ok && facts.token.failure.kind === "noCredentials",
    checkedAt,
  };
}

/** The preflight: asks everything, then judges it. */
export async function runDoctor(inputs: DoctorInputs, now: number): Promise<DoctorReport> {
  return judgeDoctorFacts(await gatherDoctorFacts(inputs), new Date(now).toISOString());
}
