import { afterEach, beforeEach, expect, it } from "vitest";
import type { AdaptiveCard } from "../../src/cards/adaptive-card.js";
import { statusCommand } from "../../src/chatops/status-command.js";
import { saveStatusSummary } from "../../src/reports/status-summary-cache.js";
import { summarizeCampaign } from "../../src/reports/summarize-campaign.js";
import type { Store } from "../../src/store/open-store.js";
import { examplePolicy, pilotGroup } from "../campaign/campaign-fixture.js";
import { visibleText } from "../cards/card-nodes.js";
import { seedSnapshot } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";
import { commandContext, now } from "./command-scenario.js";

// Grace has registered, Ada has not: one of two.
const firstSync = [
  { id: "m1", displayName: "Grace Hopper", givenName: "Grace", methods: ["microsoftAuthenticatorPush"] },
  { id: "u1", displayName: "Ada Lovelace", givenName: "Ada", groups: [pilotGroup] },
];
// A later sync: Augusta and Charles have registered too, three of four.
const laterSync = [
  ...firstSync,
  { id: "u2", displayName: "Augusta Ada King", givenName: "Augusta", methods: ["mobilePhone"] },
  { id: "u3", displayName: "Charles Babbage", givenName: "Charles", methods: ["softwareOneTimePasscode"] },
];

describeEachStore("/mfa status", (target) => {
  let store: Store;

  beforeEach(async () => {
    store = await target.open();
  });
  afterEach(async () => store?.close());

  const status = async () => {
    const reply = await statusCommand("", commandContext(store).context);
    expect(reply.kind).toBe("card");
    // The strings keep "75 %" together with a no-break space.
    return visibleText((reply as { card: AdaptiveCard }).card).replace(/\u00a0/g, " ");
  };

  it("works the figures out from the last sync when no campaign run has left them", async () => {
    await seedSnapshot(store, new Date(now - 3_600_000), laterSync);
    const text = await status();
    expect(text).toContain("MFA rollout status");
    expect(text).toContain("75 % registered: 3 of 4 people");
  });

  it("answers with the figures the last campaign run left, not a new count", async () => {
    await seedSnapshot(store, new Date(now - 7_200_000), firstSync);
    const summary = await summarizeCampaign(store, examplePolicy(), now - 7_000_000);
    await saveStatusSummary(store, summary as NonNullable<typeof summary>);
    await seedSnapshot(store, new Date(now - 3_600_000), laterSync);
    expect(await status()).toContain("50 % registered: 1 of 2 people");
  });
});
