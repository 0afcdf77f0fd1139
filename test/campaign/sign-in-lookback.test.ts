import { expect, it } from "vitest";
import { recentInterrupts, signInLookbackStart } from "../../src/campaign/sign-in-lookback.js";

const now = Date.parse("2026-11-17T11:00:00Z");
const sevenDaysBefore = Date.parse("2026-11-10T11:00:00Z");

it("starts the lookback seven days before now", () => {
  expect(signInLookbackStart(now)).toBe(sevenDaysBefore);
});

it("keeps the interrupts from exactly seven days ago up to now, and none after now", () => {
  const stops = [now + 1, now, now - 1, sevenDaysBefore, sevenDaysBefore - 1].map((at) => ({ at }));
  expect(recentInterrupts(stops, now).map((s) => s.at)).toEqual([now, now - 1, sevenDaysBefore]);
});
