import type { IdentityFactory } from "./create-identity-factory.js";
import { makeSimulatedUser } from "./make-simulated-user.js";
import { SERVICE_ACCOUNT_NAMES } from "./name-locales.js";
import type { SeededRandom } from "./seeded-random.js";
import type { SimulatedUser } from "./simulated-user.js";

const DAY = 86_400_000;

/**
 * Service accounts (svc-backup@contoso.com): no manager, no department, never registered; they sign
 * in non-interactively, so the bot must leave them alone.
 */
export function generateServiceAccounts(
  random: SeededRandom,
  ids: SeededRandom,
  identities: IdentityFactory,
  count: number,
  domain: string,
  nowMs: number,
): SimulatedUser[] {
  return Array.from({ length: count }, (_, index) => {
    const base = SERVICE_ACCOUNT_NAMES[index % SERVICE_ACCOUNT_NAMES.length] as string;
    const round = Math.floor(index / SERVICE_ACCOUNT_NAMES.length);
    const name = `svc-${base}${round === 0 ? "" : `-${String(round + 1).padStart(2, "0")}`}`;
    const upn = identities.reserve(`${name}@${domain}`);
    return makeSimulatedUser({
      id: ids.guid(),
      userPrincipalName: upn,
      displayName: name,
      mail: random.chance(0.5) ? upn : null,
      kind: "service",
      createdDateTime: new Date(nowMs - random.int(30 * DAY, 8 * 365 * DAY)).toISOString(),
    });
  });
}

/**
 * The two emergency-access accounts Microsoft recommends every tenant keeps: Global Administrators
 * deliberately excluded from MFA enforcement, so they are admins who are not registered.
 */
export function generateBreakGlassAccounts(ids: SeededRandom, identities: IdentityFactory, domain: string, nowMs: number): SimulatedUser[] {
  return ["01", "02"].map((n) =>
    makeSimulatedUser({
      id: ids.guid(),
      userPrincipalName: identities.reserve(`admin-emergency-${n}@${domain}`),
      displayName: `Emergency Access Admin ${n}`,
      kind: "breakGlass",
      isAdmin: true,
      createdDateTime: new Date(nowMs - 5 * 365 * DAY).toISOString(),
    }),
  );
}
