import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { CampaignPolicy } from "../../campaign/policy.js";
import { openBot, type Bot } from "../../app/open-bot.js";
import { openRuntime, type Runtime } from "../../app/open-runtime.js";
import { parseCampaign } from "../../config/read-campaign.js";
import { serveBot } from "../../app/serve-bot.js";
import type { BotServer } from "../../teams/bot-server.js";
import { startSimulatedConnector, type SimulatedConnector } from "../connector/simulated-connector.js";
import { generateTenant, startGraphServer, type GraphServer, type SimulatedTenant } from "../tenant/index.js";
import { demoCampaign } from "./demo-campaign.js";
import type { SimClock } from "./sim-clock.js";

export const demoTenantId = "c0ffee00-0000-4000-8000-000000000001";

/** Everything the demo runs, all on 127.0.0.1, all on simulated time. */
export interface DemoWorld {
  readonly tenant: SimulatedTenant;
  readonly graph: GraphServer;
  readonly connector: SimulatedConnector;
  readonly runtime: Runtime;
  readonly policy: CampaignPolicy;
  readonly bot: Bot;
  readonly server: BotServer;
  close(): Promise<void>;
}

export async function startDemoWorld(options: {
  size: number;
  seed: number;
  start: string;
  outDir: string;
  clock: SimClock;
}): Promise<DemoWorld> {
  const { clock, outDir } = options;
  mkdirSync(outDir, { recursive: true });
  const database = join(outDir, "demo.sqlite");
  for (const file of [database, `${database}-wal`, `${database}-shm`]) rmSync(file, { force: true });

  // A tenant early in its rollout: about four in ten people have a second factor so far.
  const tenant = generateTenant({ seed: options.seed, size: options.size, nowMs: clock.now() - 86_400_000, registeredShare: 0.4 });
  // Graph's report trails registrations by hours; "I've done it" asks the live endpoint instead.
  const graph = await startGraphServer(tenant, { token: "demo", clock, reportLagMs: 6 * 3_600_000 });
  const campaign = demoCampaign(tenant, options.start);
  const helpdesk = (campaign.helpdesk as { conversationId: string }).conversationId;
  const connector = await startSimulatedConnector({
    clock,
    isInstalled: (id) => tenant.isChatOpen(id, clock.now()),
    channels: [helpdesk],
  });
  writeFileSync(
    join(outDir, "campaign.yaml"),
    `# The campaign the demo played (generated for its simulated tenant).\n${stringify(campaign)}`,
  );
  const policy = parseCampaign(campaign, "demo campaign");
  const runtime = await openRuntime({
    env: {
      GRAPH_BASE_URL: graph.url,
      GRAPH_ACCESS_TOKEN: "demo",
      DATABASE_URL: `sqlite:${database}`,
      TEAMS_SERVICE_URL: connector.url,
      TEAMS_APP_ID: tenant.teamsApp.externalId,
      TEAMS_CATALOG_APP_ID: tenant.teamsApp.id,
      AZURE_TENANT_ID: demoTenantId,
      LOG_LEVEL: "silent",
    },
    defaultLogLevel: "silent",
    clock,
  });
  const bot = openBot(runtime, policy);
  const server = await serveBot(bot, runtime, { host: "127.0.0.1", port: 0 });
  return {
    tenant,
    graph,
    connector,
    runtime,
    policy,
    bot,
    server,
    close: async () => {
      await server.close();
      await runtime.close();
      await connector.close();
      await graph.close();
    },
  };
}
