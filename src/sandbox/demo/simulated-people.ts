import { createSeededRandom, type SeededRandom } from "../tenant/seeded-random.js";

/** How a simulated person reacts to reminders: the demo's cast. */
export type Persona = "eager" | "procrastinator" | "needsHelp" | "noSmartphone" | "holdout";

export type Reaction =
  | { readonly kind: "register"; readonly afterHours: number; readonly methods: readonly string[]; readonly thenPressDone: boolean }
  | { readonly kind: "press"; readonly verb: "snooze" | "help" | "noSmartphone" | "done"; readonly afterHours: number }
  | { readonly kind: "ignore" };

const personas: readonly (readonly [Persona, number])[] = [
  ["eager", 45],
  ["procrastinator", 25],
  ["needsHelp", 10],
  ["noSmartphone", 5],
  ["holdout", 15],
];

/**
 * Seeded behaviour: the same seed plays the same campaign. People answer within working hours of
 * receiving a card, and become more likely to act as the deadline nears or after their manager
 * has been told.
 */
export class SimulatedPeople {
  private readonly streams = new Map<string, { random: SeededRandom; persona: Persona }>();

  constructor(private readonly seed: number) {}

  personaOf(userId: string): Persona {
    return this.of(userId).persona;
  }

  /** One stream per person: who answers what must not depend on the order cards happen to arrive in. */
  private of(userId: string): { random: SeededRandom; persona: Persona } {
    let found = this.streams.get(userId);
    if (!found) {
      const random = createSeededRandom(this.seed, `demo-person:${userId}`);
      found = { random, persona: random.weighted(personas) };
      this.streams.set(userId, found);
    }
    return found;
  }

  /**
   * The reaction to the help card after Entra ID stopped them at sign-in: now it is real, so most
   * set it up at once; those who needed help before ask for it again.
   */
  reactToSignInHelp(userId: string): Reaction {
    const r = this.of(userId).random;
    const authenticator = ["microsoftAuthenticatorPush", "softwareOneTimePasscode"];
    switch (this.personaOf(userId)) {
      case "needsHelp":
      case "noSmartphone":
        return r.chance(0.5)
          ? { kind: "press", verb: "help", afterHours: r.int(0, 2) }
          : { kind: "register", afterHours: r.int(2, 24), methods: authenticator, thenPressDone: true };
      case "holdout":
        return r.chance(0.5)
          ? { kind: "register", afterHours: r.int(1, 24), methods: authenticator, thenPressDone: false }
          : { kind: "ignore" };
      default:
        return r.chance(0.85)
          ? { kind: "register", afterHours: r.int(0, 3), methods: authenticator, thenPressDone: r.chance(0.6) }
          : { kind: "ignore" };
    }
  }

  /** The reaction to the `nth` reminder (1-based), `daysLeft` before the deadline. */
  react(userId: string, nth: number, daysLeft: number, managerTold: boolean): Reaction {
    const r = this.of(userId).random;
    const authenticator = ["microsoftAuthenticatorPush", "softwareOneTimePasscode"];
    const register = (afterHours: number, methods: readonly string[] = authenticator): Reaction => ({
      kind: "register",
      afterHours,
      methods,
      thenPressDone: r.chance(0.6),
    });
    const urgency = daysLeft <= 1 ? 0.35 : daysLeft <= 3 ? 0.2 : 0;
    switch (this.personaOf(userId)) {
      case "eager":
        return r.chance(0.8 + urgency) ? register(r.int(0, 5)) : { kind: "ignore" };
      case "procrastinator":
        if (nth <= 2 && r.chance(0.7)) return { kind: "press", verb: "snooze", afterHours: r.int(0, 2) };
        return r.chance(0.45 + urgency) ? register(r.int(1, 24)) : { kind: "ignore" };
      case "needsHelp":
        if (nth === 1) return { kind: "press", verb: "help", afterHours: r.int(0, 3) };
        return r.chance(0.6 + urgency) ? register(r.int(2, 30)) : { kind: "ignore" };
      case "noSmartphone":
        if (nth === 1) return { kind: "press", verb: "noSmartphone", afterHours: r.int(0, 2) };
        if (nth === 2) return { kind: "press", verb: "help", afterHours: r.int(0, 4) };
        return r.chance(0.5 + urgency) ? register(r.int(4, 48), ["fido2SecurityKey"]) : { kind: "ignore" };
      case "holdout":
        if (nth >= 3 && r.chance(0.1)) return { kind: "press", verb: "done", afterHours: r.int(0, 2) };
        return r.chance((managerTold ? 0.3 : 0.03) + urgency / 2) ? register(r.int(4, 48)) : { kind: "ignore" };
    }
  }
}
