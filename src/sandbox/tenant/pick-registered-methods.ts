import type { RegisteredMethod } from "./simulated-user.js";
import type { SeededRandom } from "./seeded-random.js";

type Methods = readonly RegisteredMethod[];

/**
 * How a workforce typically stands part-way through an MFA rollout: half on the Authenticator app,
 * a tail on SMS, a few on passwordless hardware, a few with only email (which is not MFA), the rest
 * on nothing yet. Relative weights.
 */
const PERSON_MIX: readonly (readonly [Methods | "passwordless", number])[] = [
  [["microsoftAuthenticatorPush", "softwareOneTimePasscode"], 50],
  [["microsoftAuthenticatorPush", "mobilePhone"], 10],
  [["mobilePhone"], 12],
  ["passwordless", 3],
  [["email"], 3],
  [[], 22],
];

const REGISTERED_MIX = PERSON_MIX.filter(([m]) => m === "passwordless" || (m.length > 0 && !(m.length === 1 && m[0] === "email")));
const UNREGISTERED_MIX = PERSON_MIX.filter(([m]) => m !== "passwordless" && (m.length === 0 || (m.length === 1 && m[0] === "email")));

/** Guests register in their home tenant, so most show nothing here. */
const GUEST_MIX: readonly (readonly [Methods, number])[] = [
  [[], 85],
  [["mobilePhone"], 10],
  [["microsoftAuthenticatorPush", "softwareOneTimePasscode"], 5],
];

export function pickPersonMethods(random: SeededRandom, registeredShare?: number): RegisteredMethod[] {
  const choice =
    registeredShare === undefined
      ? random.weighted(PERSON_MIX)
      : random.chance(registeredShare)
        ? random.weighted(REGISTERED_MIX)
        : random.weighted(UNREGISTERED_MIX);
  const methods: RegisteredMethod[] =
    choice === "passwordless" ? [random.chance(0.5) ? "fido2SecurityKey" : "windowsHelloForBusiness"] : [...choice];
  if (methods.length === 0 || (methods.length === 1 && methods[0] === "email")) return methods;
  // Real registrations accumulate extras; none of these changes whether someone is MFA-registered.
  if (methods.includes("microsoftAuthenticatorPush") && random.chance(0.05)) {
    methods.push("microsoftAuthenticatorPasswordless");
  }
  if (methods.includes("mobilePhone") && random.chance(0.04)) methods.push("alternateMobilePhone");
  if (random.chance(0.02)) methods.push("officePhone");
  if (random.chance(0.15)) methods.push("email");
  return methods;
}

/** Admins are mostly registered; the ones who are not are exactly what the bot should flag. */
export function pickAdminMethods(random: SeededRandom): RegisteredMethod[] {
  if (random.chance(0.2)) return [];
  return random.chance(0.2)
    ? ["microsoftAuthenticatorPush", "softwareOneTimePasscode", "fido2SecurityKey"]
    : ["microsoftAuthenticatorPush", "softwareOneTimePasscode"];
}

export function pickGuestMethods(random: SeededRandom): RegisteredMethod[] {
  return [...random.weighted(GUEST_MIX)];
}
