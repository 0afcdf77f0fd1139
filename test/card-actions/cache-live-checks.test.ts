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

  it("shares a slow check however long it takes, and keeps its result from when Graph answered", async () => {
    let now = 0;
    const answers = new Map<string, (methods: string[]) => void>();
    let calls = 0;
    const cached = cacheLiveChecks(
      (userId) => {
        calls++;
        return new Promise<string[]>((resolve) => answers.set(userId, resolve));
      },
      { now: () => now, isEnough },
    );
    const first = cached("anna");
    // Ten seconds later Graph has still not answered, and another person's press clears out old results meanwhile.
    now = 10_000;
    const second = cached("anna");
    void cached("ben");
    answers.get("anna")?.(["email"]);
    expect(await Promise.all([first, second])).toEqual([["email"], ["email"]]);
    expect(calls).toBe(2);
    // Thirty seconds from the answer at 10 s, not from the press at 0 s.
    now = 39_999;
    await cached("anna");
    expect(calls).toBe(2);
    now = 40_000;
    void cached("anna");
    expect(calls).toBe(3);
  });

  it("keeps results as long as the options say", async () => {
    let now = 0;
    const { check, calls } = fakeCheck(
      new Map([
        ["anna", ["microsoftAuthenticatorPush"]],
        ["ben", []],
      ]),
    );
    const cached = cacheLiveChecks(check, { now: () => now, isEnough, enoughForMs: 1_000, notEnoughForMs: 100 });
    await cached("anna");
    await cached("ben");
    now = 99;
    await Promise.all([cached("anna"), cached("ben")]);
    expect([calls.get("anna"), calls.get("ben")]).toEqual([1, 1]);
    now = 100;
    await Promise.all([cached("anna"), cached("ben")]);
    expect([calls.get("anna"), calls.get("ben")]).toEqual([1, 2]);
    now = 1_000;
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
