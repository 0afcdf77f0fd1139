/**
 * A small seeded PRNG (mulberry32) so a tenant is a pure function of its seed: the demo, the tests
 * and the benchmarks all see the same people. Math.random is never used in the sandbox.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A new array in random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** A version-4 shaped GUID drawn from this stream. */
  guid(): string;
}

/** FNV-1a over a string, for deriving independent streams and stable ids from labels. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * One stream per concern (names, registration, Teams state, ...) derived from the seed, so adding a
 * draw in one concern does not reshuffle every other property of the tenant.
 */
export function createSeededRandom(seed: number, stream = ""): SeededRandom {
  let state = (hashString(stream, 0x811c9dc5 ^ (seed >>> 0)) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[int(0, items.length - 1)] as T;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return pick(items)[0];
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
    guid: () => formatGuid([0, 1, 2, 3].map(() => Math.floor(next() * 4294967296) >>> 0)),
  };
}

/** A GUID that is a pure function of its parts, for ids derived from other ids (method ids, ...). */
export function stableGuid(...parts: string[]): string {
  const text = parts.join("\u0000");
  return formatGuid([0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((basis) => hashString(text, basis)));
}

function formatGuid(words: number[]): string {
  const hex = words.map((word) => (word >>> 0).toString(16).padStart(8, "0")).join("");
  // Version 4 and RFC 4122 variant bits, so the ids look like the ones Entra ID issues.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
