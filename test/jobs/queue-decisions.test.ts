import { afterEach, beforeEach, expect, it } from "vitest";
import type { RemindDecision } from "../../src/campaign/decision.js";
import { queueDecisions } from "../../src/jobs/queue-decisions.js";
import type { Store } from "../../src/store/open-store.js";
import { person } from "../campaign/campaign-fixture.js";
import { describeEachStore } from "../support/test-stores.js";

const now = new Date("2026-11-03T11:00:00Z");
const alan = person({ id: "u2", givenName: "Alan", displayName: "Alan Turing", preferredLanguage: "fr-FR", methodsRegistered: ["email"] });

const remind = (over: Partial<RemindDecision> = {}): RemindDecision => ({
  action: "remind",
  userId: "u2",
  userPrincipalName: alan.userPrincipalName,
  phase: "Pilot",
  step: "d-28",
  kind: "first",
  deadline: "2026-12-01",
  daysLeft: 28,
  fixesDeadline: false,
  reason: "first reminder",
  ...over,
});

describeEachStore("queuing the planner's decisions", (target) => {
  let store: Store;
  beforeEach(async () => (store = await target.open()));
  afterEach(async () => store?.close());

  const payloads = async () =>
    (await store.db.selectFrom("outbox").select(["kind", "step", "payload"]).orderBy("step").execute()).map((r) => ({
      ...r,
      payload: JSON.parse(r.payload) as unknown,
    }));

  it("gives the sign-in help card what its buttons need, as a reminder's: the deadline and the methods", async () => {
    const signIn = remind({ step: "signin-2026-11-03", signIn: { at: "2026-11-03T08:12:00.000Z", app: "Outlook" } });
    expect(await queueDecisions(store, { due: [remind(), signIn], people: new Map([["u2", alan]]) }, now)).toBe(2);
    expect(await payloads()).toEqual([
      {
        kind: "reminder",
        step: "d-28",
        payload: {
          card: "reminder",
          kind: "first",
          deadline: "2026-12-01",
          firstName: "Alan",
          preferredLanguage: "fr-FR",
          methodsRegistered: ["email"],
        },
      },
      {
        kind: "reminder",
        step: "signin-2026-11-03",
        payload: {
          card: "signInHelp",
          deadline: "2026-12-01",
          firstName: "Alan",
          preferredLanguage: "fr-FR",
          methodsRegistered: ["email"],
          app: "Outlook",
          at: "2026-11-03T08:12:00.000Z",
        },
      },
    ]);
  });
});
