import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors/app-error.js";
import { ErrorCode } from "../../src/errors/error-code.js";
import { diagnose } from "../../src/jobs/plan-alert.js";

const tally = (sent: number, failed: number, retried: number) => ({
  sent,
  failed,
  retried,
  unreachable: 0,
  installed: 0,
  held: 0,
  lastError: "400 BadSyntax",
});

describe("what a run's outcome says is broken", () => {
  it.each([
    ["a healthy run", tally(100, 1, 2), undefined, undefined],
    ["a run with too few tries to judge", tally(1, 2, 0), undefined, undefined],
    ["most sends failing", tally(3, 6, 2), undefined, "deliveryFailing"],
    ["a rejected client secret", undefined, new AppError(ErrorCode.GraphCredentialRejected, "AADSTS7000215"), "credentialsRejected"],
    ["an expired token", undefined, new AppError(ErrorCode.GraphUnauthorized, "401"), "credentialsRejected"],
    ["a missing Graph permission", undefined, new AppError(ErrorCode.GraphPermissionMissing, "403"), "graphRefusing"],
    ["another instance syncing", undefined, new AppError(ErrorCode.SyncAlreadyRunning, "busy"), undefined],
    ["a plain bug", undefined, new Error("boom"), undefined],
  ])("%s", (_name, delivery, error, problem) => {
    expect(diagnose(delivery, error)?.problem).toBe(problem);
  });

  it("names a broken Teams app setup, which held messages back, before any other problem", () => {
    const held = {
      ...tally(0, 0, 0),
      held: 40,
      setupProblem: "Graph answered 403 Forbidden: grant TeamsAppInstallation.ReadWriteSelfForUser.All",
    };
    expect(diagnose(held, undefined)).toEqual({ problem: "teamsAppSetup", detail: held.setupProblem });
  });

  it("quotes the last error when delivery is failing", () => {
    expect(diagnose(tally(0, 9, 0), undefined)?.detail).toMatch(/9 failed .*last error: 400 BadSyntax/);
  });
});
