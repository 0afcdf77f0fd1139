import { makeSimulatedUser, type SimulatedUserFields } from "../../../src/sandbox/tenant/make-simulated-user.js";
import { SimulatedTenant } from "../../../src/sandbox/tenant/simulated-tenant.js";
import type { SimulatedUser } from "../../../src/sandbox/tenant/simulated-user.js";

export const TINY_GROUPS = {
  pilot: "11111111-1111-4111-8111-111111111111",
  serviceAccounts: "22222222-2222-4222-8222-222222222222",
  botAdmins: "33333333-3333-4333-8333-333333333333",
};
export const TINY_APP_ID = "44444444-4444-4444-8444-444444444444";
export const TINY_BOT_ID = "55555555-5555-4555-8555-555555555555";

/** A GUID-shaped id from a small number, so hand-built users are easy to read in failures. */
export function tinyId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

type TinyUser = Omit<SimulatedUserFields, "id" | "userPrincipalName" | "displayName"> & { name: string };

/** A hand-built tenant: users get ids 1, 2, 3, ... in the order given and UPNs from their names. */
export function tinyTenant(
  users: TinyUser[],
  deleted: TinyUser[] = [],
  groupMembers: Partial<Record<keyof typeof TINY_GROUPS, number[]>> = {},
): SimulatedTenant {
  const build =
    (offset: number) =>
    ({ name, ...fields }: TinyUser, index: number): SimulatedUser =>
      makeSimulatedUser({
        id: tinyId(offset + index + 1),
        userPrincipalName: `${name}@contoso.com`,
        displayName: name,
        mail: `${name}@contoso.com`,
        ...fields,
      });
  return new SimulatedTenant({
    domain: "contoso.com",
    generatedAtMs: Date.UTC(2025, 0, 6, 9, 0, 0),
    users: users.map(build(0)),
    deletedUsers: deleted.map(build(1000)),
    groups: TINY_GROUPS,
    groupMembers: Object.fromEntries(
      Object.entries(TINY_GROUPS).map(([key, id]) => [id, (groupMembers[key as keyof typeof TINY_GROUPS] ?? []).map(tinyId)]),
    ),
    teamsApp: {
      id: TINY_APP_ID,
      externalId: "66666666-6666-4666-8666-666666666666",
      displayName: "MFA Nudge",
      distributionMethod: "organization",
    },
    botAppId: TINY_BOT_ID,
  });
}
