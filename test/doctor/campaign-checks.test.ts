import { describe, expect, it } from "vitest";
import { checkCampaignDirectory } from "../../src/doctor/check-campaign-directory.js";
import type { DirectoryLookup } from "../../src/doctor/doctor-facts.js";
import { failed, goodFacts, ok } from "./doctor-facts-fixture.js";

const found = (source: string, key: string, name: string): DirectoryLookup => ({ source, key, outcome: ok({ id: key, name }) });
const missing = (source: string, key: string): DirectoryLookup => ({ source, key, outcome: failed("notFound") });
const groupsCheck = (groups: DirectoryLookup[]) => checkCampaignDirectory(goodFacts({ campaign: { groups, users: [] } }))[0];

describe("the campaign checks", () => {
  it("names every group it found", () => {
    expect(
      groupsCheck([found("phases[0].members.groups[0]", "g1", "MFA pilot"), found("ADMIN_GROUP_ID", "g2", "MFA Nudge admins")]),
    ).toEqual({
      check: "campaign.groups",
      status: "ok",
      detail: "All 2 found: MFA pilot, MFA Nudge admins.",
      fix: "",
    });
  });

  it("fails naming each missing group and where it is named, in the campaign file or a variable", () => {
    expect(
      groupsCheck([
        found("exclude.groups[0]", "g1", "Service accounts"),
        missing("exclude.groups[1]", "g9"),
        missing("ADMIN_GROUP_ID", "g8"),
      ]),
    ).toEqual({
      check: "campaign.groups",
      status: "fail",
      detail: "Not in the directory: g9 (exclude.groups[1]), g8 (ADMIN_GROUP_ID).",
      fix: "Use the group's Object ID (Entra admin center > Groups) at exclude.groups[1], ADMIN_GROUP_ID.",
    });
  });

  it("skips what it may not read, naming the permission", () => {
    expect(groupsCheck([{ source: "exclude.groups[0]", key: "g1", outcome: failed("denied") }])).toMatchObject({
      status: "skipped",
      detail: "Not checked: reading them needs GroupMember.Read.All (see access.permission.GroupMember.Read.All).",
    });
  });

  it("is content when nothing is named, and counts past five names", () => {
    expect(groupsCheck([])).toMatchObject({ status: "ok", detail: "The configuration names no group to look up." });
    const many = Array.from({ length: 7 }, (_, i) => found(`exclude.groups[${i}]`, `g${i}`, `Group ${i}`));
    expect(groupsCheck(many)?.detail).toBe("All 7 found: Group 0, Group 1, Group 2, Group 3, Group 4 and 2 more.");
  });

  it("checks the accounts the same way", () => {
    const users = [found("exclude.users[0]", "a@contoso.com", "a@contoso.com"), missing("phases[1].members.users[0]", "typo@contoso.com")];
    expect(checkCampaignDirectory(goodFacts({ campaign: { groups: [], users } }))[1]).toEqual({
      check: "campaign.users",
      status: "fail",
      detail: "Not in the directory: typo@contoso.com (phases[1].members.users[0]).",
      fix: "Correct the UPN or object id at phases[1].members.users[0].",
    });
  });
});
