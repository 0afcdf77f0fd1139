import { pino, type Logger } from "pino";
import { afterEach, beforeEach } from "vitest";
import type { AdaptiveCard } from "../../src/cards/adaptive-card.js";
import { answerCardAction } from "../../src/card-actions/answer-card-action.js";
import type { CardActionDeps, CardActionResult } from "../../src/card-actions/card-press.js";
import type { OutboxPayload } from "../../src/delivery/outbox-payload.js";
import type { LiveMethods } from "../../src/graph/authentication-methods.js";
import type { Store } from "../../src/store/open-store.js";
import { queueMessages } from "../../src/store/outbox.js";
import { readPersonState, updatePersonState } from "../../src/store/people-state.js";
import { examplePolicy, pilotGroup } from "../campaign/campaign-fixture.js";
import { seedSnapshot, type SeedPerson } from "../support/seed-snapshot.js";
import type { StoreTarget } from "../support/test-stores.js";

/*
 * One small organisation, a reminder on Ada's screen and the bot's answers to presses on it, for
 * the card-action tests. Tuesday 3 November 2026, 11:00 in London (GMT): inside the reminder hours
 * (Mon-Fri 10:00-16:00), four weeks before the pilot's deadline of Tuesday 1 December.
 */
export const tuesday3Nov = Date.parse("2026-11-03T11:00:00Z");
export const policy = examplePolicy();

export const ada = {
  id: "u1",
  displayName: "Ada Lovelace",
  givenName: "Ada",
  department: "Engineering",
  managerId: "m1",
  preferredLanguage: "en-GB",
  groups: [pilotGroup],
} satisfies SeedPerson;
export const alan = { id: "u2", displayName: "Alan Turing", givenName: "Alan", managerId: "m1", groups: [pilotGroup] } satisfies SeedPerson;
/** Registered in the last report (the Authenticator app), and reminded before that. */
export const barbara = {
  id: "u3",
  displayName: "Barbara Liskov",
  givenName: "Barbara",
  managerId: "m1",
  groups: [pilotGroup],
  methods: ["microsoftAuthenticatorPush", "mobilePhone"],
} satisfies SeedPerson;
/** The report lists only an email address for him: no second factor, though the report's flag says registered. */
export const edsger = {
  id: "u4",
  displayName: "Edsger Dijkstra",
  givenName: "Edsger",
  groups: [pilotGroup],
  methods: ["email"],
} satisfies SeedPerson;
export const grace = { id: "m1", displayName: "Grace Hopper", givenName: "Grace", preferredLanguage: "en-GB" } satisfies SeedPerson;
export const everyone: readonly SeedPerson[] = [ada, alan, barbara, edsger, grace];

/** The first reminder of the pilot, as the campaign queued it for Ada. */
export function reminderFor(firstName: string, over: Partial<Extract<OutboxPayload, { card: "reminder" }>> = {}): OutboxPayload {
  return { card: "reminder", kind: "first", deadline: "2026-12-01", firstName, preferredLanguage: "en-GB", methodsRegistered: [], ...over };
}

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** Pino's levels, as the JSON lines carry them. */
export const WARN = 40;
export const ERROR = 50;

export interface CardPressWorld {
  store: Store;
  /** The bot's clock; tests move it. */
  now: number;
  deps: CardActionDeps;
  /** Every person whose methods Graph was asked for, in order. */
  readonly liveChecks: string[];
  /** What Graph's /authentication/methods answers, per person; someone not listed has none. */
  readonly liveMethods: Map<string, LiveMethods>;
  /** Cards posted to the helpdesk channel. */
  readonly notices: AdaptiveCard[];
  /** How many times a press asked for what it queued to be sent now. */
  delivered: number;
  readonly logs: LogLine[];
  press(verb: string, data: unknown, actorId: string | undefined, locale?: string): Promise<CardActionResult>;
  /** Queues a reminder card and marks it sent a day ago, as the one on the person's screen. */
  sendReminder(userId: string, payload: OutboxPayload, step?: string): Promise<string>;
  audit(): Promise<{ actor_kind: string; actor_id: string | null; action: string; subject_id: string | null; detail: string | null }[]>;
  outbox(userId: string): Promise<{ kind: string; step: string | null; status: string; last_error: string | null }[]>;
  state(userId: string): ReturnType<typeof readPersonState>;
  setState(userId: string, changes: Parameters<typeof updatePersonState>[3]): Promise<void>;
}

/** A logger whose lines the test reads back. */
export function capturedLog(lines: LogLine[]): Logger {
  return pino(
    { level: "debug", base: undefined, timestamp: false },
    { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  );
}

/**
 * Opens a fresh store for each test with `people` in its current snapshot (none: no sync has
 * completed yet) and the deps a press is answered with.
 */
export function useCardPressWorld(target: StoreTarget, people: readonly SeedPerson[] = everyone): CardPressWorld {
  const world = { liveChecks: [], liveMethods: new Map(), notices: [], logs: [] } as unknown as CardPressWorld;
  beforeEach(async () => {
    const store = await target.open();
    if (people.length > 0) await seedSnapshot(store, new Date(tuesday3Nov - 3_600_000), people);
    world.liveChecks.length = 0;
    world.liveMethods.clear();
    world.notices.length = 0;
    world.logs.length = 0;
    Object.assign(world, {
      store,
      now: tuesday3Nov,
      delivered: 0,
      deps: {
        store,
        policy,
        now: () => world.now,
        log: capturedLog(world.logs),
        liveMethods: (userId: string) => {
          world.liveChecks.push(userId);
          return Promise.resolve(world.liveMethods.get(userId) ?? { methods: [], unknownTypes: [] });
        },
        notifyHelpdesk: (card: AdaptiveCard) => (world.notices.push(card), Promise.resolve()),
        deliverSoon: () => void world.delivered++,
      } satisfies CardActionDeps,
      press: (verb: string, data: unknown, actorId: string | undefined, locale?: string) =>
        answerCardAction({ verb, data, actorId, locale }, world.deps),
      sendReminder: async (userId: string, payload: OutboxPayload, step = "d28") => {
        const [id = ""] = await queueMessages(
          store,
          [{ kind: "reminder", userId, recipientId: userId, phase: "Pilot", step, payload }],
          new Date(world.now - 86_400_000),
        );
        await store.db
          .updateTable("outbox")
          .set({ status: "sent", sent_at: new Date(world.now - 86_400_000).toISOString() })
          .where("id", "=", id)
          .execute();
        return id;
      },
      audit: () =>
        store.db.selectFrom("audit_log").select(["actor_kind", "actor_id", "action", "subject_id", "detail"]).orderBy("id").execute(),
      outbox: (userId: string) =>
        store.db
          .selectFrom("outbox")
          .select(["kind", "step", "status", "last_error"])
          .where("user_id", "=", userId)
          .orderBy("created_at")
          .execute(),
      state: (userId: string) => readPersonState(store, userId),
      setState: (userId: string, changes: Parameters<typeof updatePersonState>[3]) =>
        updatePersonState(store, userId, new Date(world.now - 7 * 86_400_000), changes),
    });
  });
  afterEach(async () => world.store?.close());
  return world;
}
