import { afterEach, beforeEach, expect, it } from "vitest";
import type { PendingCard } from "../../src/cards/card-data.js";
import { renderCard } from "../../src/cards/render-card.js";
import type { CommandContext } from "../../src/chatops/command-context.js";
import { pendingCommand } from "../../src/chatops/pending-command.js";
import type { Store } from "../../src/store/open-store.js";
import { pilotGroup } from "../campaign/campaign-fixture.js";
import { seedSnapshot, type SeedPerson } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";
import { commandContext, now } from "./command-scenario.js";

const two = (n: number) => String(n).padStart(2, "0");
const sellers = Array.from({ length: 12 }, (_, i) => i + 1);

/*
 * Twelve sellers in the Pilot (deadline 1 December 2026, 28 days from today), the first six reporting
 * to Grace (registered), the rest to Ada (Pilot, no department; the directory spells the twelfth
 * seller's department "  sales "). Augusta, Bob and Linda are in the Everyone phase, not reminded yet,
 * so they have no deadline and come last. Nobody has been reminded.
 */
const people: SeedPerson[] = [
  { id: "u1", displayName: "Ada Lovelace", givenName: "Ada", groups: [pilotGroup] },
  { id: "m1", displayName: "Grace Hopper", givenName: "Grace", department: "IT", methods: ["microsoftAuthenticatorPush"] },
  ...sellers.map((n) => ({
    id: `s${two(n)}`,
    displayName: `Seller ${two(n)}`,
    givenName: `Seller${two(n)}`,
    department: n === 12 ? "  sales " : "Sales",
    managerId: n <= 6 ? "m1" : "u1",
    groups: [pilotGroup],
  })),
  { id: "u2", displayName: "Augusta Ada King", givenName: "Augusta", department: "Engineering" },
  { id: "u3", displayName: "Bob Builder", givenName: "Bob", department: "Building B2" },
  { id: "u4", displayName: "Linda Lab", givenName: "Linda", department: "Lab 2B" },
];

type Entry = PendingCard["people"][number];
const pilot = { deadline: "2026-12-01", daysLeft: 28, reminders: 0, stopped: null };
const ada: Entry = { displayName: "Ada Lovelace", userPrincipalName: "ada@contoso.com", department: null, ...pilot };
const seller = (n: number, stopped: Entry["stopped"] = null): Entry => ({
  displayName: `Seller ${two(n)}`,
  userPrincipalName: `seller${two(n)}@contoso.com`,
  department: n === 12 ? "  sales " : "Sales",
  ...pilot,
  stopped,
});
const later = (displayName: string, givenName: string, department: string): Entry => ({
  displayName,
  userPrincipalName: `${givenName}@contoso.com`,
  department,
  deadline: null,
  daysLeft: null,
  reminders: 0,
  stopped: null,
});
const augusta = later("Augusta Ada King", "augusta", "Engineering");
const bob = later("Bob Builder", "bob", "Building B2");
const linda = later("Linda Lab", "linda", "Lab 2B");

describeEachStore("/mfa pending", (target) => {
  let store: Store;
  let context: CommandContext;

  beforeEach(async () => {
    store = await target.open();
    await seedSnapshot(store, new Date(now - 3_600_000), people);
    context = commandContext(store).context;
  });
  afterEach(async () => store?.close());

  const expectPage = async (args: string, expected: PendingCard) =>
    expect(await pendingCommand(args, context)).toEqual({ kind: "card", card: renderCard("pending", expected, context.card) });

  it("lists everyone not registered, most urgent first, ten to a page, with the command for the next page", async () => {
    await expectPage("", {
      filter: null,
      blocked: false,
      page: 1,
      pageCount: 2,
      total: 16,
      people: [ada, ...sellers.slice(0, 9).map((n) => seller(n))],
      nextCommand: "mfa pending 2",
    });
    await expectPage("2", {
      filter: null,
      blocked: false,
      page: 2,
      pageCount: 2,
      total: 16,
      people: [seller(10), seller(11), seller(12), augusta, bob, linda],
      nextCommand: null,
    });
  });

  it("keeps one department's people, in any case and however the directory spaces it, page by page", async () => {
    await expectPage("sales", {
      filter: "sales",
      blocked: false,
      page: 1,
      pageCount: 2,
      total: 12,
      people: sellers.slice(0, 10).map((n) => seller(n)),
      nextCommand: "mfa pending sales 2",
    });
    const last: PendingCard = {
      filter: "Sales",
      blocked: false,
      page: 2,
      pageCount: 2,
      total: 12,
      people: [seller(11), seller(12)],
      nextCommand: null,
    };
    await expectPage("Sales 2", last);
    // Past the last page shows the last; page 0 the first; words read however they are spaced.
    await expectPage("Sales 10", last);
    await expectPage("  Sales   2 ", last);
    await expectPage("Sales 0", {
      ...last,
      page: 1,
      people: sellers.slice(0, 10).map((n) => seller(n)),
      nextCommand: "mfa pending Sales 2",
    });
  });

  it("reads a department whose name ends in letters and digits as a department, not a page", async () => {
    await store.db.updateTable("directory_users").set({ display_name: null }).where("id", "=", "u3").execute();
    const one = { blocked: false, page: 1, pageCount: 1, total: 1, nextCommand: null };
    await expectPage("Building B2", { ...one, filter: "Building B2", people: [{ ...bob, displayName: "bob@contoso.com" }] });
    await expectPage("Lab 2B", { ...one, filter: "Lab 2B", people: [linda] });
  });

  it("keeps a manager's direct reports when given their address, and nobody for an address it does not know", async () => {
    await expectPage("GRACE@contoso.com", {
      filter: "GRACE@contoso.com",
      blocked: false,
      page: 1,
      pageCount: 1,
      total: 6,
      people: sellers.slice(0, 6).map((n) => seller(n)),
      nextCommand: null,
    });
    await expectPage("nobody@contoso.com", {
      filter: "nobody@contoso.com",
      blocked: false,
      page: 1,
      pageCount: 1,
      total: 0,
      people: [],
      nextCommand: null,
    });
  });

  it("keeps only the people stopped at sign-in with --blocked, and carries the flag into the next page's command", async () => {
    const stoppedAt = "2026-11-02T11:00:00.000Z";
    for (const n of sellers.slice(0, 11)) {
      await store.db
        .insertInto("sign_in_interrupts")
        .values({ id: `i${two(n)}`, user_id: `s${two(n)}`, created_at: stoppedAt, app: "Outlook", error_code: 50074 })
        .execute();
    }
    const stopped = (n: number) => seller(n, { app: "Outlook", at: stoppedAt });
    await expectPage("--blocked", {
      filter: null,
      blocked: true,
      page: 1,
      pageCount: 2,
      total: 11,
      people: sellers.slice(0, 10).map(stopped),
      nextCommand: "mfa pending --blocked 2",
    });
    await expectPage("Sales --BLOCKED", {
      filter: "Sales",
      blocked: true,
      page: 1,
      pageCount: 2,
      total: 11,
      people: sellers.slice(0, 10).map(stopped),
      nextCommand: "mfa pending --blocked Sales 2",
    });
    await expectPage("--blocked Sales 2", {
      filter: "Sales",
      blocked: true,
      page: 2,
      pageCount: 2,
      total: 11,
      people: [stopped(11)],
      nextCommand: null,
    });
  });
});
