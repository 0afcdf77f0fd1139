import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerAcceptedFile, answerDeclinedFile, type FileConsentDeps } from "../../src/chatops/answer-file-consent.js";
import { exportCommand, exportCsv } from "../../src/chatops/export-command.js";
import type { Store } from "../../src/store/open-store.js";
import { examplePolicy, pilotGroup } from "../campaign/campaign-fixture.js";
import { seedSnapshot } from "../support/seed-snapshot.js";
import { describeEachStore } from "../support/test-stores.js";
import { admin, commandContext, insertAudit, insertMessage, now } from "./command-scenario.js";

/*
 * In scope: Dana (the admin, registered with a key, reads French), Grace (registered), Ada (Pilot,
 * manager Grace, two reminders, pressed "Remind me later" on 30 October), Augusta (Everyone, deadline
 * fixed at 12 November by her one reminder of 29 October, her manager has left the directory) and
 * Charles, whom the directory gives neither a name nor a department. The break-glass account is excluded.
 */
const people = [
  { id: "a1", displayName: "Dana Admin", givenName: "Dana", department: "IT", preferredLanguage: "fr-FR", methods: ["fido2SecurityKey"] },
  { id: "m1", displayName: "Grace Hopper", givenName: "Grace", department: "IT", methods: ["microsoftAuthenticatorPush", "mobilePhone"] },
  { id: "u1", displayName: "Ada Lovelace", givenName: "Ada", department: "Engineering", managerId: "m1", groups: [pilotGroup] },
  { id: "u2", displayName: "Augusta Ada King", givenName: "Augusta", department: "Engineering, R&D", managerId: "gone" },
  { id: "u3", displayName: "Charles Babbage", givenName: "Charles" },
  { id: "x1", displayName: "Emergency Access", givenName: "Admin-Emergency-01" },
];

const header = ["UPN", "Name", "Department", "Manager", "Phase", "Deadline", "Registered", "Methods", "Reminders", "Last action"];
const rows = [
  ["dana@contoso.com", "Dana Admin", "IT", "", "Everyone", "", "yes", "fido2SecurityKey", "0", ""],
  ["grace@contoso.com", "Grace Hopper", "IT", "", "Everyone", "", "yes", "microsoftAuthenticatorPush mobilePhone", "0", ""],
  ["ada@contoso.com", "Ada Lovelace", "Engineering", "grace@contoso.com", "Pilot", "2026-12-01", "no", "", "2", "2026-10-30T12:00:00.000Z"],
  [
    "augusta@contoso.com",
    "Augusta Ada King",
    '"Engineering, R&D"',
    "",
    "Everyone",
    "2026-11-12",
    "no",
    "",
    "1",
    "2026-10-29T10:00:00.000Z",
  ],
  ["charles@contoso.com", "", "", "", "Everyone", "", "no", "", "0", ""],
];
/** The file as Excel wants it: a byte order mark, CRLF after every line; cells already quoted above where needed. */
const csv = (lines: string[][], separator: string) => `\ufeff${lines.map((line) => line.join(separator)).join("\r\n")}\r\n`;

describeEachStore("/mfa export", (target) => {
  let store: Store;

  beforeEach(async () => {
    store = await target.open();
    await seedSnapshot(store, new Date(now - 3_600_000), people);
    await store.db.updateTable("directory_users").set({ display_name: null }).where("id", "=", "u3").execute();
    await insertMessage(store, {
      kind: "reminder",
      userId: "u1",
      phase: "Pilot",
      step: "d-14",
      status: "sent",
      createdAt: "2026-10-27T10:00:00.000Z",
    });
    await insertMessage(store, {
      kind: "reminder",
      userId: "u1",
      phase: "Pilot",
      step: "d-7",
      status: "sent",
      createdAt: "2026-11-02T10:00:00.000Z",
    });
    await insertAudit(store, "u1", "person.snoozed", "2026-10-30T12:00:00.000Z");
    await store.db
      .insertInto("phase_deadlines")
      .values({ user_id: "u2", phase: "Everyone", deadline: "2026-11-12", set_at: "2026-10-29T10:00:00.000Z" })
      .execute();
    await insertMessage(store, {
      kind: "reminder",
      userId: "u2",
      phase: "Everyone",
      step: "d-14",
      status: "sent",
      createdAt: "2026-10-29T10:00:00.000Z",
    });
  });
  afterEach(async () => store?.close());

  it("answers with a file of everyone in scope, named for the day, and records the export", async () => {
    const expected = csv([header, ...rows], ",");
    expect(await exportCommand("", commandContext(store).context)).toEqual({
      kind: "file",
      name: "mfa-rollout-2026-11-03.csv",
      description: "MFA rollout: everyone in scope, 2026-11-03",
      content: Buffer.from(expected, "utf8"),
    });
    expect(
      await store.db
        .selectFrom("audit_log")
        .select(["at", "actor_kind", "actor_id", "action", "detail"])
        .where("action", "=", "admin.export")
        .execute(),
    ).toEqual([
      {
        at: "2026-11-03T11:00:00.000Z",
        actor_kind: "admin",
        actor_id: admin,
        action: "admin.export",
        detail: JSON.stringify({ bytes: expected.length }),
      },
    ]);
  });

  it("separates cells as Excel does in the reader's language, and lists only the people in a phase", async () => {
    expect(await exportCsv(store, examplePolicy(), "de")).toBe(csv([header, ...rows], ";"));
    const pilotOnly = examplePolicy({ phases: [{ name: "Pilot", members: { groups: [pilotGroup] }, deadline: "2026-12-01" }] });
    expect(await exportCsv(store, pilotOnly, "en")).toBe(csv([header, rows[2] as string[]], ","));
  });

  it("has only the header before the first directory sync", async () => {
    const empty = await target.open();
    try {
      expect(await exportCsv(empty, examplePolicy(), "en")).toBe(csv([header], ","));
    } finally {
      await empty.close();
    }
  });

  describe("the file consent card", () => {
    const deps = (): FileConsentDeps => ({ store, policy: examplePolicy(), roster: { isAdmin: (id) => Promise.resolve(id === admin) } });

    it("gives the file to an admin who accepts it, in the language of their message, else of the directory", async () => {
      expect(await answerAcceptedFile(admin, "en-GB", deps())).toEqual(Buffer.from(csv([header, ...rows], ","), "utf8"));
      expect(await answerAcceptedFile(admin, undefined, deps())).toEqual(Buffer.from(csv([header, ...rows], ";"), "utf8"));
    });

    it("gives nothing to anyone else who accepts it, nor to an unknown sender", async () => {
      expect(await answerAcceptedFile("u1", "en-GB", deps())).toBeUndefined();
      expect(await answerAcceptedFile(undefined, "en-GB", { ...deps(), roster: { isAdmin: () => Promise.resolve(true) } })).toBeUndefined();
    });

    it("says nothing was sent when it is declined, in the reader's language", async () => {
      expect(await answerDeclinedFile(undefined, undefined, store)).toBe(
        "No problem: I haven't sent the export. Type mfa export again whenever you want it.",
      );
      expect(await answerDeclinedFile(admin, undefined, store)).toBe(
        "Pas de souci : je n'ai pas envoyé l'export. Tapez à nouveau mfa export quand vous le souhaitez.",
      );
      expect(await answerDeclinedFile(admin, "de-DE", store)).toBe(
        "Kein Problem: Ich habe den Export nicht gesendet. Geben Sie mfa export erneut ein, wann immer Sie ihn brauchen.",
      );
    });
  });
});
