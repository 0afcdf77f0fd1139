import { afterEach, beforeEach, expect, it } from "vitest";
import { cardContextFor } from "../../src/cards/card-context.js";
import { renderCard } from "../../src/cards/render-card.js";
import { welcomeCard, type WelcomeDeps } from "../../src/chatops/welcome-card.js";
import type { Store } from "../../src/store/open-store.js";
import { examplePolicy } from "../campaign/campaign-fixture.js";
import { seedSnapshot } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";
import { admin, now } from "./command-scenario.js";

const people = [
  { id: admin, displayName: "Dana Admin", givenName: "Dana", preferredLanguage: "fr-FR" },
  { id: "u1", displayName: "Ada Lovelace", givenName: "Ada", preferredLanguage: "en-GB" },
];
const commands = ["status", "pending", "user", "preview", "remind", "pause", "resume", "export", "doctor", "help"];

describeEachStore("the welcome card", (target) => {
  let store: Store;
  let deps: WelcomeDeps;

  beforeEach(async () => {
    store = await target.open();
    await seedSnapshot(store, new Date(now - 3_600_000), people);
    deps = { store, policy: examplePolicy(), roster: { isAdmin: (id) => Promise.resolve(id === admin) } };
  });
  afterEach(async () => store?.close());

  const expected = (firstName: string, isAdmin: boolean, language: string) =>
    renderCard("welcome", { firstName, isAdmin, commands }, cardContextFor(examplePolicy(), language, null));

  it("greets an admin by the directory's first name, in the directory's language, with the commands", async () => {
    expect(await welcomeCard(admin, "D. Admin (IT)", undefined, deps)).toEqual(expected("Dana", true, "fr"));
  });

  it("greets anyone else without the commands, in the language Teams says they use", async () => {
    expect(await welcomeCard("u1", "Ada Lovelace", "de-DE", deps)).toEqual(expected("Ada", false, "de"));
  });

  it("greets someone the directory does not know, or gives no first name, by the first word of the name Teams gives", async () => {
    expect(await welcomeCard("new", "Zoë Example", undefined, deps)).toEqual(expected("Zoë", false, "en"));
    await store.db.updateTable("directory_users").set({ given_name: null }).where("id", "=", "u1").execute();
    expect(await welcomeCard("u1", "Countess Lovelace", undefined, deps)).toEqual(expected("Countess", false, "en"));
  });
});
