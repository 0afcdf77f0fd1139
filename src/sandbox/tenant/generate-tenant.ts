import { createIdentityFactory } from "./create-identity-factory.js";
import { generateGuests } from "./generate-guests.js";
import { generatePeople } from "./generate-people.js";
import { generateBreakGlassAccounts, generateServiceAccounts } from "./generate-system-accounts.js";
import { makeSimulatedUser } from "./make-simulated-user.js";
import { pickGroups } from "./pick-groups.js";
import { pickPersonMethods } from "./pick-registered-methods.js";
import { createSeededRandom } from "./seeded-random.js";
import { SimulatedTenant } from "./simulated-tenant.js";

export interface GenerateTenantOptions {
  seed: number;
  /** Directory users, every kind included (what GET /users returns); at least 3. */
  size: number;
  /** Default contoso.com. */
  domain?: string;
  /** The tenant's "now": creation dates and the report's age are relative to it. Default DEFAULT_TENANT_NOW_MS. */
  nowMs?: number;
  /** The bot's Teams app catalog id; derived from the seed when absent. */
  teamsAppId?: string;
  /** The bot's manifest id; derived from the seed when absent. */
  teamsAppExternalId?: string;
  /** The bot's app id, part of the 1:1 chat id; derived from the seed when absent. */
  botAppId?: string;
  /**
   * Share of people (0-1) already MFA-registered, for a tenant earlier in its rollout than the
   * default mix (about three in four). Drawn from the same stream, so other properties stay put.
   */
  registeredShare?: number;
}

/** A fixed default "now", so a tenant depends on its seed alone (a Monday morning in January). */
export const DEFAULT_TENANT_NOW_MS = Date.UTC(2025, 0, 6, 9, 0, 0);

/** The kinds of account in a tenant of `size` users, plus the report-only rows of deleted users. */
export function planTenantComposition(size: number): {
  people: number;
  guests: number;
  services: number;
  breakGlass: number;
  deleted: number;
} {
  if (!Number.isInteger(size) || size < 3) throw new RangeError(`size must be an integer of at least 3, got ${size}`);
  const breakGlass = 2;
  const services = size >= 6 ? Math.max(1, Math.round(size * 0.01)) : 0;
  const guests = Math.round(size * 0.05);
  return { people: size - breakGlass - services - guests, guests, services, breakGlass, deleted: Math.round(size * 0.002) };
}

/** A realistic Entra ID tenant, a pure function of the options. */
export function generateTenant(options: GenerateTenantOptions): SimulatedTenant {
  const { seed, size } = options;
  const domain = options.domain ?? "contoso.com";
  const nowMs = options.nowMs ?? DEFAULT_TENANT_NOW_MS;
  const plan = planTenantComposition(size);
  const initialDomain = `${domain.split(".")[0] ?? domain}.onmicrosoft.com`;
  const ids = createSeededRandom(seed, "ids");
  const identities = createIdentityFactory(createSeededRandom(seed, "names"), domain, initialDomain);
  const accounts = createSeededRandom(seed, "accounts");

  const breakGlass = generateBreakGlassAccounts(ids, identities, domain, nowMs);
  const services = generateServiceAccounts(accounts, ids, identities, plan.services, domain, nowMs);
  const people = generatePeople(
    { seed, nowMs, ids, identities, ...(options.registeredShare === undefined ? {} : { registeredShare: options.registeredShare }) },
    plan.people,
  );
  const guests = generateGuests(accounts, ids, identities, plan.guests, nowMs);
  // Users deleted after the report was computed: the report still lists them, the directory does not.
  const deletedUsers = Array.from({ length: plan.deleted }, () => {
    const identity = identities.person();
    return makeSimulatedUser({
      id: ids.guid(),
      userPrincipalName: identity.userPrincipalName,
      displayName: identity.displayName,
      givenName: identity.givenName,
      surname: identity.surname,
      mail: identity.userPrincipalName,
      usageLocation: identity.locale.usageLocation,
      methodsRegistered: pickPersonMethods(accounts),
    });
  });

  const picked = pickGroups(createSeededRandom(seed, "groups"), people, services);
  const app = createSeededRandom(seed, "teams-app");
  const [teamsAppId, externalId, botAppId] = [app.guid(), app.guid(), app.guid()];
  // Graph lists users in an order unrelated to the org chart; sorting by id imitates that.
  const users = [...breakGlass, ...services, ...people, ...guests].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new SimulatedTenant({
    domain,
    generatedAtMs: nowMs,
    users,
    deletedUsers,
    groups: picked.groups,
    groupMembers: picked.members,
    teamsApp: {
      id: options.teamsAppId ?? teamsAppId,
      externalId: options.teamsAppExternalId ?? externalId,
      displayName: "MFA Nudge",
      distributionMethod: "organization",
    },
    botAppId: options.botAppId ?? botAppId,
  });
}
