import type { Activity } from "botbuilder";

/**
 * Whether an activity comes from the organisation's tenant. Teams names the tenant twice: in
 * channelData.tenant.id, on every activity, and in conversation.tenantId, which some documented
 * payloads leave out (shared/oracles/teams-activities: the personal message and conversationUpdate).
 * The first is required; the second, when there, must agree: trusting either one alone would let an
 * activity name our tenant in one field and another tenant in the other.
 */
export function isFromTenant(activity: Partial<Activity>, tenantId: string): boolean {
  const { conversationTenant, channelTenant } = tenantsOf(activity);
  if (channelTenant === undefined || !sameTenant(channelTenant, tenantId)) return false;
  return conversationTenant === undefined || sameTenant(conversationTenant, tenantId);
}

/** The tenant ids an activity names, for the audit log (capped: they are the sender's text). */
export function tenantsOf(activity: Partial<Activity>): { conversationTenant?: string; channelTenant?: string } {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const conversationTenant = activity.conversation?.tenantId;
  const channelTenant = channelData?.tenant?.id;
  return {
    ...(typeof conversationTenant === "string" ? { conversationTenant: conversationTenant.slice(0, 64) } : {}),
    ...(typeof channelTenant === "string" ? { channelTenant: channelTenant.slice(0, 64) } : {}),
  };
}

function sameTenant(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
