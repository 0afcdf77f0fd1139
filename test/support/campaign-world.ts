import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { startSimulatedConnector, type SimulatedConnector } from "../../src/sandbox/connector/simulated-connector.js";
import {
  generateTenant,
  isMfaRegistered,
  reportView,
  startGraphServer,
  type GraphServer,
  type GraphServerOptions,
  type SimulatedTenant,
  type SimulatedUser,
} from "../../src/sandbox/tenant/index.js";

export const tenantId = "11111111-2222-3333-4444-555555555555";

/** A simulated tenant, Graph and Teams connector on 127.0.0.1, a campaign file and the env to reach them. */
export interface CampaignWorld {
  readonly tenant: SimulatedTenant;
  readonly graph: GraphServer;
  readonly connector: SimulatedConnector;
  readonly env: Record<string, string>;
  readonly dir: string;
  /** People who blocked the bot in Teams (the connector answers 403). */
  readonly blockedBot: Set<string>;
  close(): Promise<void>;
}

export async function startCampaignWorld(options: {
  size: number;
  seed: number;
  campaign?: Record<string, unknown>;
  env?: Record<string, string>;
  channels?: string[];
  connectorLatencyMs?: number;
  /** How long Teams takes to open the bot's chat after an install; the tenant's default when absent. */
  chatOpensAfterMs?: number;
  graph?: Omit<GraphServerOptions, "token">;
}): Promise<CampaignWorld> {
  const tenant = generateTenant({ seed: options.seed, size: options.size, nowMs: Date.now() });
  if (options.chatOpensAfterMs !== undefined) tenant.chatOpensAfterMs = options.chatOpensAfterMs;
  const graph = await startGraphServer(tenant, { ...options.graph, token: "t0ken" });
  const blockedBot = new Set<string>();
  const connector = await startSimulatedConnector({
    isInstalled: (id) => tenant.isChatOpen(id, Date.now()),
    isBlocked: (id) => blockedBot.has(id),
    channels: options.channels ?? [],
    latencyMs: options.connectorLatencyMs ?? 0,
  });
  const dir = mkdtempSync(join(tmpdir(), "campaign-world-"));
  const campaignFile = join(dir, "campaign.yaml");
  writeFileSync(campaignFile, stringify(campaignFor(tenant, options.campaign ?? {})));
  const env = {
    GRAPH_BASE_URL: graph.url,
    GRAPH_ACCESS_TOKEN: "t0ken",
    DATABASE_URL: `sqlite:${join(dir, "store.sqlite")}`,
    CAMPAIGN_FILE: campaignFile,
    TEAMS_SERVICE_URL: connector.url,
    TEAMS_APP_ID: tenant.teamsApp.externalId,
    TEAMS_CATALOG_APP_ID: tenant.teamsApp.id,
    AZURE_TENANT_ID: tenantId,
    ...options.env,
  };
  return { tenant, graph, connector, env, dir, blockedBot, close: async () => (await graph.close(), await connector.close()) };
}

/** A campaign whose reminder hours cover every minute, so a test's outcome does not depend on when it runs. */
export function campaignFor(tenant: SimulatedTenant, overrides: Record<string, unknown>): Record<string, unknown> {
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return {
    name: "Test rollout",
    helpdesk: { name: "IT Service Desk", email: "servicedesk@contoso.com" },
    timeZone: "Europe/London",
    phases: [
      { name: "Pilot", members: { groups: [tenant.groups.pilot] }, deadline: inDays(7) },
      { name: "Everyone", members: { all: true }, deadlineDaysAfterFirstReminder: 14 },
    ],
    exclude: {
      users: tenant.users.filter((u) => u.kind === "breakGlass").map((u) => u.userPrincipalName),
      groups: [tenant.groups.serviceAccounts],
    },
    reminders: { window: { days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], from: "00:00", to: "23:59" } },
    escalation: { managerAfterReminders: 3 },
    ...overrides,
  };
}

/** Who the campaign should remind, computed from the generator's own model, not through the bot. */
export function expectedRecipients(tenant: SimulatedTenant, refused: (u: SimulatedUser) => boolean): SimulatedUser[] {
  return tenant.users.filter((u) => {
    const view = reportView(u);
    const registered = view.inReport && isMfaRegistered(view.methodsRegistered);
    return u.kind === "person" && u.accountEnabled && u.userType === "Member" && !registered && !refused(u);
  });
}
