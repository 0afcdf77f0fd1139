import { isMfaRegistered } from "./is-mfa-registered.js";
import { REPORT_CAUGHT_UP, reportView, type ReportMoment } from "./report-view.js";
import type { SimulatedTenant } from "./simulated-tenant.js";

export interface DepartmentCounts {
  members: number;
  registered: number;
}

/** The status figures the bot should arrive at after syncing this tenant. */
export interface TenantCounts {
  /** Directory users (report-only rows of deleted users excluded). */
  users: number;
  /** Enabled, non-guest users: the people the rollout is about (service and break-glass included). */
  members: number;
  /** Members in the report with isMfaRegistered true; someone missing from the report is not registered. */
  registered: number;
  notRegistered: number;
  /** Members in the report with isAdmin true. */
  admins: number;
  adminsNotRegistered: number;
  /** registered / members * 100, to one decimal; 0 when there are no members. */
  percentRegistered: number;
  /** Over members; a null, empty or blank department is keyed "(none)". */
  byDepartment: Record<string, DepartmentCounts>;
}

export const NO_DEPARTMENT = "(none)";

/**
 * The test oracle for status figures, computed from the model rather than through HTTP. By default
 * the report has caught up with every registration; pass a moment to count what the report shows then.
 */
export function countTenant(tenant: SimulatedTenant, moment: ReportMoment = REPORT_CAUGHT_UP): TenantCounts {
  let members = 0;
  let registered = 0;
  let admins = 0;
  let adminsNotRegistered = 0;
  const byDepartment: Record<string, DepartmentCounts> = {};
  for (const user of tenant.users) {
    if (!user.accountEnabled || user.userType === "Guest") continue;
    const view = reportView(user, moment);
    const isRegistered = view.inReport && isMfaRegistered(view.methodsRegistered);
    members++;
    if (isRegistered) registered++;
    if (view.inReport && user.isAdmin) {
      admins++;
      if (!isRegistered) adminsNotRegistered++;
    }
    const key = user.department === null || user.department.trim() === "" ? NO_DEPARTMENT : user.department;
    const counts = (byDepartment[key] ??= { members: 0, registered: 0 });
    counts.members++;
    if (isRegistered) counts.registered++;
  }
  return {
    users: tenant.users.length,
    members,
    registered,
    notRegistered: members - registered,
    admins,
    adminsNotRegistered,
    percentRegistered: members === 0 ? 0 : Math.round((registered / members) * 1000) / 10,
    byDepartment,
  };
}
