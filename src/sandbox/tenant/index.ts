/** The simulated tenant's public surface: generate a tenant, count it, serve it as Graph. */
export { generateTenant, planTenantComposition, DEFAULT_TENANT_NOW_MS, type GenerateTenantOptions } from "./generate-tenant.js";
export {
  SimulatedTenant,
  type SimulatedTenantInit,
  type TenantGroups,
  type TeamsAppInfo,
  type TeamsInstallOutcome,
} from "./simulated-tenant.js";
export type { SimulatedUser, UserKind, RegisteredMethod, RegistrationChange } from "./simulated-user.js";
export { makeSimulatedUser, type SimulatedUserFields } from "./make-simulated-user.js";
export { countTenant, NO_DEPARTMENT, type TenantCounts, type DepartmentCounts } from "./count-tenant.js";
export { isMfaRegistered } from "./is-mfa-registered.js";
export { reportView, REPORT_CAUGHT_UP, type ReportMoment, type ReportView } from "./report-view.js";
export { toRegistrationDetails, type UserRegistrationDetails } from "./to-registration-details.js";
export { startGraphServer, type GraphServer, type GraphServerOptions, type RecordedRequest } from "./start-graph-server.js";
export type { GraphFault } from "./fault-injector.js";
export { REPORTS_THROTTLE, type ThrottleLimit } from "./sliding-window-throttle.js";
export { installationIdOf, oneOnOneChatId } from "./teams-app-resources.js";
export {
  DOCTOR_SCENARIOS,
  SANDBOX_BOT_SECRET,
  SANDBOX_TENANT_ID,
  scenarioSettings,
  tenantSetupFor,
  type DoctorScenario,
} from "./doctor-scenarios.js";
export { ALL_PERMISSIONS, type TenantSetup } from "./tenant-setup.js";
