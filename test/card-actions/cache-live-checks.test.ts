import { describe, expect, it } from "vitest";
import { cacheLiveChecks } from "../../src/card-actions/cache-live-checks.js";

/** A live check that answers what `methods` holds now, counting the calls per person. */
function fakeCheck(methods: Map<string, string[]>) {
  const calls = new Map<string, number>();
  const check = (userId: string) => {
    calls.set(userId, (calls.get(userId) ?? 0) + 1);
    if (userId === "broken") return Promise.reject(new Error("Graph said 503"));
    return Promise.resolve([...(methods.get(userId) ?? [])]);
  };
  return { check, calls };
}

describe("cacheLiveChecks", () => {
  const isEnough = (methods: readonly string[]) => methods.includes("microsoftAuthenticatorPush");

  it("shares one check among presses in flight and keeps a result that is not enough for 30 seconds", async () => {
    let now = 0;
    const methods = new Map([["anna", ["email"]]]);
    const { check, calls } = fakeCheck(methods);
    const cached = cacheLiveChecks(check, { now: () => now, isEnough });
    expect(await Promise.all([cached("anna"), cached("anna"), cached("anna")])).toEqual([["email"], ["email"], ["email"]]);
    methods.set("anna", ["microsoftAuthenticatorPush"]);
    now = 29_999;
    expect(await cached("anna")).toEqual(["email"]);
    expect(calls.get("anna")).toBe(1);
    now = 30_000;
    expect(await cached("anna")).toEqual(["microsoftAuthenticatorPush"]);
    expect(calls.get("anna")).toBe(2);
  });

  it("keeps a result that is enough for five minutes, and people apart", async () => {
    let now = 0;
    const { check, calls } = fakeCheck(
      new Map([
        ["anna", ["microsoftAuthenticatorPush"]],
        ["ben", []],
      ]),
    );
    const cached = cacheLiveChecks(check, { now: () => now, isEnough });
    await cached("anna");
    await cached("ben");
    now = 299_999;
    await cached("anna");
    expect(calls.get("anna")).toBe(1);
    expect(calls.get("ben")).toBe(1);
    now = 300_000;
    await cached("anna");
    expect(calls.get("anna")).toBe(2);
  });

  it("does not keep a failed check: the next press asks again", async () => {
    const { check, calls } = fakeCheck(new Map());
    const cached = cacheLiveChecks(check, { now: () => 0, isEnough });
    await expect(cached("broken")).rejects.toThrow("Graph said 503");
    await expect(cached("broken")).rejects.toThrow("Graph said 503");
    expect(calls.get("broken")).toBe(2);
  });
});
