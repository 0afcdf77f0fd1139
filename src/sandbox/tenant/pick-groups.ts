import type { SeededRandom } from "./seeded-random.js";
import type { TenantGroups } from "./simulated-tenant.js";
import type { SimulatedUser } from "./simulated-user.js";

export interface PickedGroups {
  groups: TenantGroups;
  members: Record<string, string[]>;
}

/**
 * The three groups the bot is configured with. The pilot is ~5% of enabled people, IT first (they
 * go first in every rollout) topped up with volunteers; bot admins are a handful of IT admins.
 */
export function pickGroups(random: SeededRandom, people: readonly SimulatedUser[], services: readonly SimulatedUser[]): PickedGroups {
  const groups: TenantGroups = { pilot: random.guid(), serviceAccounts: random.guid(), botAdmins: random.guid() };
  const enabled = people.filter((person) => person.accountEnabled);
  const pilotSize = Math.max(1, Math.round(enabled.length * 0.05));
  const it = random.shuffle(enabled.filter((person) => person.department === "IT")).slice(0, Math.ceil(pilotSize * 0.6));
  const chosen = new Set(it);
  const volunteers = random.shuffle(enabled.filter((person) => !chosen.has(person))).slice(0, pilotSize - it.length);
  const admins = enabled.filter((person) => person.isAdmin);
  const itAdmins = admins.filter((person) => person.department === "IT");
  const botAdmins = (itAdmins.length > 0 ? itAdmins : admins.length > 0 ? admins : enabled.slice(0, 1)).slice(0, 4);
  return {
    groups,
    members: {
      [groups.pilot]: [...it, ...volunteers].map((person) => person.id),
      [groups.serviceAccounts]: services.map((service) => service.id),
      [groups.botAdmins]: botAdmins.map((person) => person.id),
    },
  };
}
