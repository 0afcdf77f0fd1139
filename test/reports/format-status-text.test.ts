import { describe, expect, it } from "vitest";
import { formatStatusText } from "../../src/reports/format-status-text.js";
import type { StatusSummary } from "../../src/reports/status-summary.js";
import type { StatusFigures } from "../../src/store/status-figures.js";

const figures: StatusFigures = {
  users: 8,
  members: 6,
  registered: 4,
  notRegistered: 2,
  admins: 1,
  adminsNotRegistered: 0,
  percentRegistered: 66.7,
  lastSync: "2026-11-03T10:00:00.000Z",
  byDepartment: { Sales: { members: 4, registered: 3 }, Engineering: { members: 2, registered: 1 } },
};

const campaign: StatusSummary = {
  computedAt: "2026-11-03T11:00:00.000Z",
  requirement: "mfa",
  accounts: 6,
  inScope: 4,
  registered: 3,
  notRegistered: 1,
  percentRegistered: 75,
  excluded: 2,
  excludedBy: { named: 1, disabled: 0, guest: 0, group: 1 },
  notInPhase: 0,
  admins: 0,
  adminsNotRegistered: 0,
  byState: { registered: 3, remindedNotRegistered: 0, notYetReminded: 1, snoozed: 0, unreachable: 0, excluded: 2 },
  phases: [],
  departments: {},
  unreachable: [],
  unreachableCount: 0,
  signInInterrupts: { since: "2026-10-27T11:00:00.000Z", people: 0, topApps: [] },
};

const full = (n: number) => "█".repeat(n);
const empty = (n: number) => "░".repeat(n);

describe("the status as mfa-nudge status prints it", () => {
  it("prints the directory's headline, the campaign's figures, then departments furthest behind first", () => {
    expect(formatStatusText(figures, campaign).split("\n")).toEqual([
      "MFA registration, as of the sync at 2026-11-03 10:00 UTC",
      "",
      // 4 of 6 fills 13 of 20 cells (13.3, rounded).
      `  Registered       4 of 6 members (66.7 %)  ${full(13)}${empty(7)}`,
      "  Not registered   2",
      "  Admins           1, of whom 0 not registered",
      "  All accounts     8 (members plus guests and disabled accounts)",
      "",
      "The campaign (requirement: mfa), as /mfa status counts it",
      "",
      `  Registered       3 of 4 in scope (75.0 %)  ${full(15)}${empty(5)}`,
      "  Not registered   1",
      "  Excluded         2 (1 named in the file, 1 in an excluded group)",
      "  In no phase      0",
      "",
      "  Department    Members  Registered",
      `  Engineering         2           1   50.0 %  ${full(8)}${empty(8)}`,
      `  Sales               4           3   75.0 %  ${full(12)}${empty(4)}`,
      "",
    ]);
  });

  it("says where the campaign file was looked for when there is none", () => {
    const lines = formatStatusText(figures, undefined, "/etc/mfa-nudge/campaign.yaml").split("\n");
    expect(lines.slice(7, 9)).toEqual([
      "The campaign's own figures need its file; there is none at /etc/mfa-nudge/campaign.yaml (CAMPAIGN_FILE).",
      "",
    ]);
  });

  it("says what to run before the first sync", () => {
    expect(formatStatusText({ ...figures, lastSync: null })).toBe(
      "No sync has completed yet. Run `mfa-nudge sync` (or `mfa-nudge demo` to try it).\n",
    );
  });
});
