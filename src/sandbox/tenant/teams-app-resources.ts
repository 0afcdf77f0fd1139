import type { SimulatedTenant } from "./simulated-tenant.js";
import type { SimulatedUser } from "./simulated-user.js";

/** Graph's installation ids are base64 of `{userId}##{teamsAppId}` (see the docs examples). */
export function installationIdOf(userId: string, teamsAppId: string): string {
  return Buffer.from(`${userId}##${teamsAppId}`).toString("base64");
}

export function parseInstallationId(installationId: string): { userId: string; teamsAppId: string } | undefined {
  const decoded = Buffer.from(installationId, "base64").toString("utf8");
  const [userId, teamsAppId, ...rest] = decoded.split("##");
  return userId && teamsAppId && rest.length === 0 ? { userId, teamsAppId } : undefined;
}

/** A userScopeTeamsAppInstallation with every navigation property filled; routes drop the unexpanded ones. */
export function toInstallation(tenant: SimulatedTenant, user: SimulatedUser): Record<string, unknown> {
  const app = tenant.teamsApp;
  return {
    id: installationIdOf(user.id, app.id),
    teamsApp: { id: app.id, externalId: app.externalId, displayName: app.displayName, distributionMethod: app.distributionMethod },
    teamsAppDefinition: {
      id: Buffer.from(`${app.id}##1.0.0`).toString("base64"),
      teamsAppId: app.id,
      displayName: app.displayName,
      version: "1.0.0",
    },
  };
}

/**
 * The personal chat between the user and the bot, as GET .../installedApps/{id}/chat returns it; its
 * id is what the bot uses as the conversation id for proactive messages.
 */
export function toOneOnOneChat(tenant: SimulatedTenant, user: SimulatedUser): Record<string, unknown> {
  const created = user.teamsAppInstalledDateTime ?? new Date(tenant.generatedAtMs).toISOString();
  return {
    id: oneOnOneChatId(tenant, user),
    topic: null,
    createdDateTime: created,
    lastUpdatedDateTime: created,
    chatType: "oneOnOne",
  };
}

/** `19:{bot app id}_{user id}@unq.gbl.spaces`, as the docs example of the installation's chat shows it. */
export function oneOnOneChatId(tenant: SimulatedTenant, user: SimulatedUser): string {
  return `19:${tenant.botAppId}_${user.id}@unq.gbl.spaces`;
}
