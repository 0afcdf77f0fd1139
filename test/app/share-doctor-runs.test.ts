import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { shareDoctorRuns } from "../../src/app/share-doctor-runs.js";
import type { DoctorReport } from "../../src/doctor/run-doctor.js";
import { readEnforcement } from "../../src/store/enforcement-cache.js";
import type { Store } from "../../src/store/open-store.js";
import { manualClock } from "../sandbox/tenant/manual-clock.js";
import { storeTargets } from "../support/test-stores.js";

const report = (n: number): DoctorReport => ({
  checks: [{ check: "access.graphToken", status: "ok", detail: `run ${n}`, fix: "" }],
  enforcement: { state: "reportOnly", policies: [`Policy ${n}`], checkedAt: `2025-03-11T09:0${n}:00.000Z` },
  credentialsMissing: false,
  checkedAt: `2025-03-11T09:0${n}:00.000Z`,
});

describe.each(storeTargets())("/mfa doctor's runs on $name", (target) => {
  let store: Store;
  beforeEach(async () => (store = await target.open()));
  afterEach(() => store.close());

  it("shares one run between admins asking at once, answers again from it for two minutes, then asks anew", async () => {
    const clock = manualClock();
    let runs = 0;
    const release: (() => void)[] = [];
    const run = () => new Promise<DoctorReport>((resolve) => release.push(() => resolve(report(++runs))));
    const doctor = shareDoctorRuns(run, { store, clock, log: pino({ level: "silent" }) });

    const [first, second] = [doctor(), doctor()];
    expect(release).toHaveLength(1);
    release[0]!();
    expect((await first).checks[0]?.detail).toBe("run 1");
    expect((await second).checks[0]?.detail).toBe("run 1");
    expect(await readEnforcement(store)).toEqual(report(1).enforcement);

    clock.advance(119_000);
    expect((await doctor()).checks[0]?.detail).toBe("run 1");
    clock.advance(2_000);
    const third = doctor();
    release[1]!();
    expect((await third).checks[0]?.detail).toBe("run 2");
    expect(await readEnforcement(store)).toEqual(report(2).enforcement);
  });

  it("passes a failed run on, and the next request runs again", async () => {
    let calls = 0;
    const doctor = shareDoctorRuns(() => (++calls === 1 ? Promise.reject(new Error("store gone")) : Promise.resolve(report(calls))), {
      store,
      clock: manualClock(),
      log: pino({ level: "silent" }),
    });
    await expect(doctor()).rejects.toThrow("store gone");
    expect((await doctor()).checks[0]?.detail).toBe("run 2");
  });
});
