import { describe, expect, it } from "vitest";
import { describeSync } from "../../src/cli/describe-sync.js";
import type { SyncSummary } from "../../src/directory/sync-directory.js";

const summary: SyncSummary = {
  runId: "r",
  users: 12,
  registrations: 5_012,
  report_pages: 6,
  user_pages: 1,
  skipped: 0,
  elapsedMs: 4_000,
  reportRead: "filtered",
  directoryRead: "delta",
  newlyRegistered: 31,
};

describe("what sync prints", () => {
  it("says what an incremental sync read: the directory's changes and the not-registered rows", () => {
    expect(describeSync(summary)).toBe(
      "Synced 12 directory changes and 5,012 not-registered rows, 31 newly registered in 0:04 (6 report pages, 1 directory pages).",
    );
  });

  it("says users and registration rows for a full read", () => {
    expect(describeSync({ ...summary, users: 100_000, registrations: 99_800, reportRead: "full", directoryRead: "full", skipped: 2 })).toBe(
      "Synced 100,000 users and 99,800 registration rows in 0:04 (6 report pages, 1 directory pages, 2 unusable rows skipped).",
    );
  });

  it("names a full report read beside the directory's changes", () => {
    expect(describeSync({ ...summary, reportRead: "full" })).toBe(
      "Synced 12 directory changes and 5,012 registration rows in 0:04 (6 report pages, 1 directory pages).",
    );
  });
});
