import { DateTime } from "luxon";
import { isMfaRegistered, type SimulatedTenant } from "../tenant/index.js";
import { createSeededRandom } from "../tenant/seeded-random.js";

// Most people sign in at least once on a working day; some work from a device already signed in.
const SIGN_IN_SHARE = 0.6;

/**
 * After enforcement, each working morning: everyone who signs in without a second factor is
 * stopped by Entra ID (50079, "must register") and the sign-in log says so, an hour or two before
 * the campaign's reminder hours open. Accounts that are not people (service, break-glass) are left
 * to the policies' own exclusions. Returns how many were stopped.
 */
export function stopAtSignIn(tenant: SimulatedTenant, seed: number, now: number): number {
  const day = DateTime.fromMillis(now, { zone: "utc" });
  if (day.weekday > 5) return 0;
  const random = createSeededRandom(seed, `sign-ins:${day.toISODate() ?? ""}`);
  let stopped = 0;
  for (const user of tenant.users) {
    if (user.kind !== "person" || !user.accountEnabled || user.userType !== "Member" || isMfaRegistered(user.methodsRegistered)) continue;
    if (!random.chance(SIGN_IN_SHARE)) continue;
    tenant.recordSignIn(user.id, now - random.int(1, 90) * 60_000, 50079, random.int(0, 3));
    stopped += 1;
  }
  return stopped;
}
