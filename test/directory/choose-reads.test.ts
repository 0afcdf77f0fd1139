import { describe, expect, it } from "vitest";
import { chooseReads, defaultSyncSchedule } from "../../src/directory/choose-reads.js";
import type { SnapshotBasis } from "../../src/store/snapshot-basis.js";

const now = Date.UTC(2026, 0, 12, 9);
const hour = 3_600_000;
const basis = (changes: Partial<SnapshotBasis>): SnapshotBasis => ({
  snapshotId: "s",
  fullReportPages: 100,
  deltaLink: "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=x",
  fullReportReadAt: now - hour,
  fullDirectoryReadAt: now - 24 * hour,
  ...changes,
});

describe("which reads a sync takes", () => {
  it.each([
    ["the first sync", undefined, false, { report: "full", directory: "full" }],
    ["on demand", basis({}), true, { report: "full", directory: "full" }],
    ["an hour after a full report read", basis({}), false, { report: "filtered", directory: "delta" }],
    ["just under a day after", basis({ fullReportReadAt: now - 24 * hour + 1 }), false, { report: "filtered", directory: "delta" }],
    ["a day after", basis({ fullReportReadAt: now - 24 * hour }), false, { report: "full", directory: "delta" }],
    ["no full report read recorded", basis({ fullReportReadAt: undefined }), false, { report: "full", directory: "delta" }],
    ["no deltaLink stored", basis({ deltaLink: null }), false, { report: "filtered", directory: "full" }],
    [
      "a week after a full directory read",
      basis({ fullDirectoryReadAt: now - 7 * 24 * hour }),
      false,
      { report: "filtered", directory: "full" },
    ],
  ] as const)("%s", (_name, given, full, expected) => {
    expect(chooseReads(given, defaultSyncSchedule, now, full)).toEqual(expected);
  });
});
