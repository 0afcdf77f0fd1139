import { describe, expect, it } from "vitest";
import { ConversationPace } from "../../src/teams/conversation-pace.js";
import { PacedHttpClient } from "../../src/teams/paced-http-client.js";
import { systemClock } from "../../src/time/clock.js";
import { SlidingWindow } from "../../src/time/sliding-window.js";
import { manualClock } from "../sandbox/tenant/manual-clock.js";

function request(url: string, headers: Record<string, string> = {}) {
  return { url, method: "POST", body: "{}", headers: { toJson: () => ({ ...headers }), get: (name: string) => headers[name] } };
}

describe("the paced client the Bot Connector SDK sends through", () => {
  const window = () => new SlidingWindow(50, 1000, systemClock);

  it("abandons a request Teams does not answer in time with a Timeout the senders retry", async () => {
    let aborted = false;
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => ((aborted = true), reject(new Error("aborted")))),
      )) as unknown as typeof fetch;
    const client = new PacedHttpClient(window(), Date.now, hanging, { timeoutMs: 200 });
    await expect(client.sendRequest(request("https://smba.trafficmanager.net/teams/v3/conversations/a/activities"))).rejects.toMatchObject({
      code: "Timeout",
      message: "Teams did not answer POST /teams/v3/conversations/a/activities within 200 ms",
    });
    expect(aborted).toBe(true);
  });

  it("never sends the bot's token over plain http beyond this machine", async () => {
    let sent = 0;
    const counting = (() => ((sent += 1), Promise.resolve(new Response("{}")))) as unknown as typeof fetch;
    const client = new PacedHttpClient(window(), Date.now, counting);
    await expect(
      client.sendRequest(request("http://smba.contoso.test/v3/conversations/a/activities", { Authorization: "Bearer secret" })),
    ).rejects.toMatchObject({ code: "InsecureServiceUrl", statusCode: 400 });
    expect(sent).toBe(0);
    await client.sendRequest(request("http://127.0.0.1:4000/v3/conversations/a/activities", { Authorization: "Bearer secret" }));
    expect(sent).toBe(1);
  });

  it("holds one conversation to Teams' 7 a second and 60 in 30 s, while others go at once", async () => {
    const clock = manualClock(0);
    const pace = new ConversationPace(clock);
    const startedAt: number[] = [];
    for (let i = 0; i < 61; i += 1) {
      const release = await pace.acquire("a:busy");
      startedAt.push(clock.now());
      release();
    }
    // Seven in the first second, then seven a second, until the 60th; the 61st waits for the 30 s window.
    expect(startedAt.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000]);
    expect(startedAt[59]).toBe(8000);
    expect(startedAt[60]).toBe(30_000);
    const other = clock.now();
    const release = await pace.acquire("a:quiet");
    release();
    expect(clock.now()).toBe(other);
  });
});
