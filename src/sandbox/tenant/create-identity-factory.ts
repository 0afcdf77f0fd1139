import { GUEST_HOME_DOMAINS, NAME_LOCALES, type NameLocale } from "./name-locales.js";
import type { SeededRandom } from "./seeded-random.js";

export interface PersonIdentity {
  locale: NameLocale;
  givenName: string;
  surname: string;
  displayName: string;
  userPrincipalName: string;
  mobilePhone: string | null;
}

export interface GuestIdentity {
  givenName: string | null;
  surname: string | null;
  displayName: string;
  userPrincipalName: string;
  mail: string;
}

export interface IdentityFactory {
  person(): PersonIdentity;
  /** A B2B guest: their home address, and the `#EXT#` UPN the inviting tenant gives them. */
  guest(): GuestIdentity;
  /** Reserves a UPN built elsewhere (service and break-glass accounts) so no one else gets it. */
  reserve(userPrincipalName: string): string;
}

/** Names and unique UPNs; a second Oliver Smith becomes oliver.smith2, as admins usually do it. */
export function createIdentityFactory(random: SeededRandom, domain: string, initialDomain: string): IdentityFactory {
  const taken = new Set<string>();
  // The next suffix to try per address pattern, so the 40th Oliver Smith costs one probe, not forty.
  const nextSuffix = new Map<string, number>();
  const unique = (local: string, at: (local: string) => string): string => {
    const pattern = at(local).toLowerCase();
    for (let n = nextSuffix.get(pattern) ?? 1; ; n++) {
      const candidate = at(n === 1 ? local : `${local}${n}`);
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        nextSuffix.set(pattern, n + 1);
        return candidate;
      }
    }
  };
  const localeWeights = NAME_LOCALES.map((locale) => [locale, locale.weight] as const);
  return {
    person: () => {
      const locale = random.weighted(localeWeights);
      const givenName = random.pick(locale.givenNames);
      const surname = random.pick(locale.surnames);
      const local = `${mailSafe(givenName)}.${mailSafe(surname)}`;
      return {
        locale,
        givenName,
        surname,
        displayName: `${givenName} ${surname}`,
        userPrincipalName: unique(local, (l) => `${l}@${domain}`),
        mobilePhone: random.chance(0.4) ? `${locale.callingCode} ${random.int(100, 999)} ${random.int(1000000, 9999999)}` : null,
      };
    },
    guest: () => {
      const locale = random.weighted(localeWeights);
      const givenName = random.pick(locale.givenNames);
      const surname = random.pick(locale.surnames);
      const home = random.pick(GUEST_HOME_DOMAINS);
      const upn = unique(`${mailSafe(givenName)}.${mailSafe(surname)}`, (l) => `${l}_${home}#EXT#@${initialDomain}`);
      const mail = `${upn.slice(0, upn.indexOf(`_${home}#EXT#`))}@${home}`;
      // Invitations made from an address alone leave the names empty and the address as display name.
      const namesKnown = random.chance(0.7);
      return {
        givenName: namesKnown ? givenName : null,
        surname: namesKnown ? surname : null,
        displayName: namesKnown ? `${givenName} ${surname}` : mail,
        userPrincipalName: upn,
        mail,
      };
    },
    reserve: (userPrincipalName) => {
      taken.add(userPrincipalName.toLowerCase());
      return userPrincipalName;
    },
  };
}

/** UPN local parts are ASCII: accents dropped, spaces and apostrophes removed (van den Berg -> vandenberg). */
function mailSafe(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "");
}
