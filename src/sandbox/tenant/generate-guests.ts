import type { IdentityFactory } from "./create-identity-factory.js";
import { makeSimulatedUser } from "./make-simulated-user.js";
import { pickGuestMethods } from "./pick-registered-methods.js";
import type { SeededRandom } from "./seeded-random.js";
import type { SimulatedUser } from "./simulated-user.js";

const DAY = 86_400_000;

/** B2B guests: no department, no manager, no usage location, mostly nothing registered here. */
export function generateGuests(
  random: SeededRandom,
  ids: SeededRandom,
  identities: IdentityFactory,
  count: number,
  nowMs: number,
): SimulatedUser[] {
  return Array.from({ length: count }, () => {
    const identity = identities.guest();
    return makeSimulatedUser({
      id: ids.guid(),
      userPrincipalName: identity.userPrincipalName,
      displayName: identity.displayName,
      givenName: identity.givenName,
      surname: identity.surname,
      mail: identity.mail,
      userType: "Guest",
      kind: "guest",
      accountEnabled: !random.chance(0.02),
      createdDateTime: new Date(nowMs - random.int(2 * DAY, 3 * 365 * DAY)).toISOString(),
      methodsRegistered: pickGuestMethods(random),
    });
  });
}
