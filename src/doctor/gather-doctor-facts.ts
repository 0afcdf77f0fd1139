import type { CampaignPolicy } from "../campaign/policy.js";
import type { Config } from "../config/config.js";
import type { CatalogApp } from "../graph/app-catalog.js";
import type { GraphClient } from "../graph/client/graph-client.js";
import { readGroup } from "../graph/groups.js";
import { permissionProbes, type ProbeSubject } from "../graph/permission-probes.js";
import { readConditionalAccessPolicies, readRegistrationCampaignState } from "../graph/policies.js";
import { readUser, readUserGroupIds } from "../graph/users.js";
import type { BreakGlassAccount, DirectoryLookup, DoctorFacts, PermissionFact } from "./doctor-facts.js";
import { notRun, probe, type Probe } from "./probe.js";
import { readAppPackage } from "./read-app-package.js";
import { requestBotToken } from "./request-bot-token.js";

export interface DoctorInputs {
  readonly config: Config;
  readonly policy: CampaignPolicy;
  readonly graph: GraphClient;
  /** For the bot's sign-in; tests pass their own. */
  readonly fetch: typeof fetch;
  readonly appPackagePath: string;
}

const NO_TOKEN = notRun("no Graph token (see access.graphToken)");

// Lookups of the campaign's groups and accounts run a few at a time: a long list must not burst Graph.
const LOOKUPS_AT_ONCE = 4;

/** Asks Graph, the sign-in endpoint and the disk everything the checks judge. Never throws for what it finds. */
export async function gatherDoctorFacts(inputs: DoctorInputs): Promise<DoctorFacts> {
  const { config, policy, graph } = inputs;
  const subject: { -readonly [K in keyof ProbeSubject]: ProbeSubject[K] } = {
    userId: undefined,
    manifestId: config.teams.appId,
    catalogAppId: config.teams.catalogAppId,
  };
  const [bot, appPackage] = await Promise.all([
    config.teams.bot ? requestBotToken(config.teams.bot, config.teams.loginUrl, inputs.fetch) : undefined,
    readAppPackage(inputs.appPackagePath),
  ]);

  const permissions: PermissionFact[] = [];
  let token: Probe<true> = { ok: true, value: true };
  for (const p of permissionProbes) {
    const request = p.describe(subject);
    const missing = p.needs === "userId" && !subject.userId ? "no user to ask about (see access.permission.User.Read.All)" : undefined;
    const unset = p.needs === "manifestId" && !subject.manifestId ? "TEAMS_APP_ID is not set" : undefined;
    const outcome: Probe<unknown> = !token.ok
      ? NO_TOKEN
      : (missing ?? unset)
        ? notRun(missing ?? unset ?? "")
        : await probe(() => p.run(graph, subject));
    // The first call tells whether there is a usable token at all; without one, nothing else is asked,
    // and that call's failure is the token's, not its permission's.
    if (permissions.length === 0 && !outcome.ok && ["rejectedToken", "noCredentials", "unreachable"].includes(outcome.failure.kind)) {
      token = outcome;
    }
    if (p.permission === "User.Read.All" && outcome.ok) subject.userId = firstId(outcome.value);
    permissions.push({ permission: p.permission, optional: p.optional, request, outcome: token.ok ? outcome : NO_TOKEN });
  }
  const outcomeOf = (permission: string) => permissions.find((p) => p.permission === permission)?.outcome ?? notRun("not asked");
  const graphReady = token.ok;
  const skipped = NO_TOKEN;

  const [groups, users] = graphReady ? await lookUpCampaign(graph, config, policy) : [[], []];
  const securityDefaults = outcomeOf("Policy.Read.All") as Probe<boolean>;
  const policies = graphReady ? await probe(() => readConditionalAccessPolicies(graph)) : skipped;
  const registrationCampaign = graphReady ? await probe(() => readRegistrationCampaignState(graph)) : skipped;
  const breakGlass = await breakGlassAccounts(graph, policy, users, policies.ok);

  return {
    graphAuth: config.graph.auth.kind,
    clientId: config.graph.clientId,
    token,
    permissions,
    teamsApp: {
      manifestId: config.teams.appId,
      catalogAppId: config.teams.catalogAppId,
      found: outcomeOf("AppCatalog.Read.All") as Probe<CatalogApp | undefined>,
    },
    bot,
    appPackage,
    campaign: { groups, users },
    enforcement: { securityDefaults, policies, registrationCampaign, breakGlass },
  };
}

/** Every group and account the campaign file and the admin settings name, each looked up once per name. */
async function lookUpCampaign(graph: GraphClient, config: Config, policy: CampaignPolicy): Promise<[DirectoryLookup[], DirectoryLookup[]]> {
  const groupNames: [string, string][] = [
    ...policy.phases.flatMap((phase, i) =>
      phase.members.groups.map((id, j): [string, string] => [`phases[${i}].members.groups[${j}]`, id]),
    ),
    ...policy.exclude.groups.map((id, j): [string, string] => [`exclude.groups[${j}]`, id]),
    ...(config.admins.groupId ? [["ADMIN_GROUP_ID", config.admins.groupId] as [string, string]] : []),
  ];
  const userNames: [string, string][] = [
    ...policy.phases.flatMap((phase, i) =>
      phase.members.users.map((key, j): [string, string] => [`phases[${i}].members.users[${j}]`, key]),
    ),
    ...policy.exclude.users.map((key, j): [string, string] => [`exclude.users[${j}]`, key]),
    ...config.admins.userIds.map((id, j): [string, string] => [`ADMIN_USER_IDS[${j}]`, id]),
  ];
  const groups = await mapFew(groupNames, async ([source, key]) => ({
    source,
    key,
    outcome: await probe(async () => {
      const group = await readGroup(graph, key);
      return { id: group.id, name: group.displayName || key };
    }),
  }));
  const users = await mapFew(userNames, async ([source, key]) => ({
    source,
    key,
    outcome: await probe(async () => {
      const user = await readUser(graph, key);
      return { id: user.id, name: user.userPrincipalName };
    }),
  }));
  return [groups, users];
}

/** The accounts the campaign excludes by name, with the groups they belong to (for policies that exclude by group). */
async function breakGlassAccounts(
  graph: GraphClient,
  policy: CampaignPolicy,
  users: readonly DirectoryLookup[],
  policiesRead: boolean,
): Promise<BreakGlassAccount[]> {
  return mapFew(policy.exclude.users, async (upn, j) => {
    const lookup = users.find((u) => u.source === `exclude.users[${j}]`);
    const id = lookup?.outcome.ok ? lookup.outcome.value.id : undefined;
    const groupIds: Probe<readonly string[]> =
      id === undefined || !policiesRead ? notRun("not needed") : await probe(() => readUserGroupIds(graph, id));
    return { userPrincipalName: upn, id, groupIds };
  });
}

function firstId(body: unknown): string | undefined {
  const first = (body as { value?: { id?: unknown }[] } | null)?.value?.[0];
  return typeof first?.id === "string" ? first.id : undefined;
}

async function mapFew<T, R>(items: readonly T[], each: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await each(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUPS_AT_ONCE, items.length) }, worker));
  return results;
}
