import { describe, expect, it } from "vitest";
import { groupsNamedBy } from "../../src/campaign/policy.js";
import { examplePolicy } from "./campaign-fixture.js";

const a = "AAAAAAAA-0000-0000-0000-00000000000A";
const b = "bbbbbbbb-0000-0000-0000-00000000000b";
const c = "cccccccc-0000-0000-0000-00000000000c";

describe("the groups a campaign names", () => {
  it("lists the excluded groups and every phase's groups once each, lower-cased", () => {
    const policy = examplePolicy({
      exclude: { groups: [a, b] },
      phases: [
        { name: "Pilot", members: { groups: [a.toLowerCase(), c] }, deadline: "2026-12-01" },
        { name: "Everyone", members: { all: true }, deadlineDaysAfterFirstReminder: 14 },
      ],
    });
    expect(groupsNamedBy(policy)).toEqual([a.toLowerCase(), b, c]);
  });

  it("is empty for a campaign that names no group", () => {
    const policy = examplePolicy({
      exclude: { groups: [] },
      phases: [{ name: "Everyone", members: { all: true }, deadline: "2026-12-01" }],
    });
    expect(groupsNamedBy(policy)).toEqual([]);
  });
});
