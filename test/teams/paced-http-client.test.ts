import { describe, expect, it } from "vitest";
import { ConversationPace } from "../../src/teams/conversation-pace.js";
import { PacedHttpClient } from "../../src/teams/paced-http-client.js";
import { SlidingWindow } from "../../src/time/sliding-window.js";
import { autoClock, ManualClock, settle } from "../support/manual-clock.js";

// Whole seconds, so an HTTP-date Retry-After lands exactly.
const t0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const connector = "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1/activities";

interface FetchCall {
  readonly url: string;
  readonly init: RequestInit;
  readonly at: number;
}

/** A stand-in for the Bot Connector: answers each call with the next answer (the last one repeats). */
function fakeFetch(clock: ManualClock, answers: (() => Response)[]) {
  const calls: FetchCall[] = [];
  const impl = (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {}, at: clock.now() });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    return answer ? Promise.resolve(answer()) : Promise.reject(new Error("no answer"));
  };
  return { calls, fetch: impl };
}

/** The request shape botbuilder's connector client hands its httpClient (core-http-compat). */
function request(over: { method?: string; headers?: Record<string, string>; body?: unknown; abortSignal?: AbortSignal } = {}) {
  const headers = over.headers ?? {};
  const asked: unknown[] = [];
  return {
    asked,
    request: {
      url: connector,
      method: over.method ?? "POST",
      headers: {
        toJson: (options?: { preserveCase?: boolean }) => {
          asked.push(options);
          return options?.preserveCase ? { ...headers } : Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
        },
        get: (name: string) => headers[name],
      },
      ...("body" in over ? { body: over.body } : {}),
      ...(over.abortSignal ? { abortSignal: over.abortSignal } : {}),
    },
  };
}

const ok = () => new Response('{"id":"1"}', { status: 201, headers: { "Content-Type": "application/json", "X-Request-Id": "r1" } });
const refused =
  (status: number, headers: Record<string, string> = {}) =>
  () =>
    new Response("{}", { status, headers });

describe("the paced HTTP client the Bot Connector SDK sends through", () => {
  it("sends the request as given, header names in their own case", async () => {
    const clock = new ManualClock(t0);
    const fake = fakeFetch(clock, [ok]);
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), fake.fetch);
    const abort = new AbortController();
    const { request: r, asked } = request({
      headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: '{"type":"message"}',
      abortSignal: abort.signal,
    });
    await client.sendRequest(r);
    expect(asked).toEqual([{ preserveCase: true }]);
    expect(fake.calls).toEqual([
      {
        url: connector,
        at: t0,
        init: {
          method: "POST",
          headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
          body: '{"type":"message"}',
          signal: expect.any(AbortSignal) as AbortSignal,
        },
      },
    ]);
    // The signal fetch got aborts with the SDK's own, as well as on the timeout.
    const sent = fake.calls[0]?.init.signal;
    expect(sent?.aborted).toBe(false);
    abort.abort();
    expect(sent?.aborted).toBe(true);
  });

  it.each([
    ["no body", {}],
    ["an undefined body", { body: undefined }],
    ["a null body", { body: null }],
  ])("sends no body for a request with %s, only the timeout's signal", async (_name, over) => {
    const clock = new ManualClock(t0);
    const fake = fakeFetch(clock, [ok]);
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), fake.fetch);
    await client.sendRequest(request({ method: "GET", ...over }).request);
    expect(fake.calls[0]?.init).toStrictEqual({ method: "GET", headers: {}, signal: expect.any(AbortSignal) as AbortSignal });
  });

  it("hands back the status, headers and body text in the SDK's shape", async () => {
    const clock = new ManualClock(t0);
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), fakeFetch(clock, [ok]).fetch);
    const { request: r } = request();
    const response = await client.sendRequest(r);
    expect(response.request).toBe(r);
    expect(response.status).toBe(201);
    expect(response.bodyAsText).toBe('{"id":"1"}');
    expect(response.headers.toJson()).toEqual({ "content-type": "application/json", "x-request-id": "r1" });
    expect(response.headers.get("X-Request-Id")).toBe("r1");
    expect(response.headers.get("x-request-id")).toBe("r1");
    // Each toJson is a copy: a caller changing it changes nothing for the next.
    response.headers.toJson()["x-request-id"] = "changed";
    expect(response.headers.get("x-request-id")).toBe("r1");
  });

  it("sends 50 requests in a second and the next 10 a second later", async () => {
    const clock = new ManualClock(t0);
    const fake = fakeFetch(clock, [ok]);
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), fake.fetch);
    const all = Promise.all(Array.from({ length: 60 }, () => client.sendRequest(request().request)));
    await settle();
    expect(fake.calls).toHaveLength(50);
    await clock.advance(999);
    expect(fake.calls).toHaveLength(50);
    await clock.advance(1);
    await all;
    expect(fake.calls.map((c) => c.at - t0)).toEqual([...Array<number>(50).fill(0), ...Array<number>(10).fill(1000)]);
  });

  it.each<[string, Record<string, string>, number]>([
    ["Retry-After in seconds", { "Retry-After": "2" }, 2000],
    ["Retry-After as an HTTP date", { "Retry-After": new Date(t0 + 3000).toUTCString() }, 3000],
    ["retry-after in lower case", { "retry-after": "4" }, 4000],
    ["no Retry-After: a second", {}, 1000],
  ])("holds every sender sharing the window after a 429, for its %s", async (_name, headers, pause) => {
    const clock = new ManualClock(t0);
    const window = new SlidingWindow(50, 1000, clock);
    const throttled = fakeFetch(clock, [refused(429, headers)]);
    const other = fakeFetch(clock, [ok]);
    const a = new PacedHttpClient(window, () => clock.now(), throttled.fetch);
    const b = new PacedHttpClient(window, () => clock.now(), other.fetch);
    expect((await a.sendRequest(request().request)).status).toBe(429);
    const next = b.sendRequest(request().request);
    await settle();
    expect(other.calls).toHaveLength(0);
    await clock.advance(pause - 1);
    expect(other.calls).toHaveLength(0);
    await clock.advance(1);
    await next;
    expect(other.calls.map((c) => c.at)).toEqual([t0 + pause]);
  });

  it.each([412, 502, 503, 504])("leaves the window open after a %i (retried per message, with backoff, by delivery)", async (status) => {
    const clock = new ManualClock(t0);
    const fake = fakeFetch(clock, [refused(status, { "Retry-After": "30" }), ok]);
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), fake.fetch);
    expect((await client.sendRequest(request().request)).status).toBe(status);
    expect((await client.sendRequest(request().request)).status).toBe(201);
    expect(fake.calls.map((c) => c.at)).toEqual([t0, t0]);
    expect(clock.sleeps).toEqual([]);
  });

  it("gives its slot back when the request fails on the network", async () => {
    const clock = new ManualClock(t0);
    const fake = fakeFetch(clock, []);
    const client = new PacedHttpClient(new SlidingWindow(1, 1000, clock), () => clock.now(), fake.fetch);
    await expect(client.sendRequest(request().request)).rejects.toThrow("no answer");
    const next = client.sendRequest(request().request).catch(() => "failed again");
    await clock.advance(1000);
    expect(await next).toBe("failed again");
    expect(fake.calls.map((c) => c.at)).toEqual([t0, t0 + 1000]);
  });

  it("abandons a request Teams does not answer in time with a Timeout the senders retry", async () => {
    let aborted = false;
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => ((aborted = true), reject(new Error("aborted")))),
      )) as unknown as typeof fetch;
    const clock = new ManualClock(t0);
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), hanging, { timeoutMs: 200 });
    await expect(client.sendRequest(request().request)).rejects.toMatchObject({
      code: "Timeout",
      message: "Teams did not answer POST /emea/v3/conversations/a%3A1/activities within 200 ms",
    });
    expect(aborted).toBe(true);
  });

  it("never sends the bot's token over plain http beyond this machine", async () => {
    const clock = new ManualClock(t0);
    const fake = fakeFetch(clock, [ok]);
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), fake.fetch);
    const withToken = (url: string) => ({ ...request({ headers: { Authorization: "Bearer secret" } }).request, url });
    await expect(client.sendRequest(withToken("http://smba.contoso.test/v3/conversations/a/activities"))).rejects.toMatchObject({
      code: "InsecureServiceUrl",
      statusCode: 400,
    });
    expect(fake.calls).toEqual([]);
    await client.sendRequest(withToken("http://127.0.0.1:4000/v3/conversations/a/activities"));
    expect(fake.calls.map((c) => c.url)).toEqual(["http://127.0.0.1:4000/v3/conversations/a/activities"]);
  });

  it("refuses the token over plain http whatever the case of its header and whatever goes with it", async () => {
    const clock = new ManualClock(t0);
    const fake = fakeFetch(clock, [ok]);
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), fake.fetch);
    const r = request({ headers: { "Content-Type": "application/json", authorization: "Bearer secret" } }).request;
    await expect(client.sendRequest({ ...r, url: "http://smba.contoso.test:8080/v3/conversations/a/activities" })).rejects.toMatchObject({
      code: "InsecureServiceUrl",
      statusCode: 400,
      message: "refusing to send the bot's token over plain http to smba.contoso.test:8080",
    });
    expect(fake.calls).toEqual([]);
  });

  it("sends a request without a token over plain http", async () => {
    const clock = new ManualClock(t0);
    const fake = fakeFetch(clock, [ok]);
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), fake.fetch);
    const r = request({ headers: { "Content-Type": "application/json" } }).request;
    const url = "http://smba.contoso.test/v3/conversations/a/activities";
    expect((await client.sendRequest({ ...r, url })).status).toBe(201);
    expect(fake.calls.map((c) => c.url)).toEqual([url]);
  });

  it("paces each request in its conversation's lane: the id decoded, replies in it too, other paths in none", async () => {
    const clock = new ManualClock(t0);
    const fake = fakeFetch(clock, [ok]);
    // One request a second per conversation, so a second one in the same lane waits exactly 1000 ms.
    const conversations = new ConversationPace(clock, [{ limit: 1, windowMs: 1000 }]);
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), fake.fetch, { conversations });
    const base = "https://smba.trafficmanager.net/emea/v3/conversations";
    const urls = [
      `${base}/a%3Aone/activities`,
      `${base}/a:one/activities/1234`, // the same conversation, spelt out: a reply to an activity in it
      `${base}/b%3Atwo/activities`,
      base, // creating a conversation: no id yet, no lane
      `${base}/a%3Aone/members`, // not an activity: no lane
    ];
    const all = Promise.all(urls.map((url) => client.sendRequest({ ...request().request, url })));
    await settle();
    // Which of the four goes out first is not the point (a lane takes a few more awaits): all go at once.
    expect(fake.calls.map((c) => c.url).sort()).toEqual([urls[0], urls[2], urls[3], urls[4]].sort());
    await clock.advance(999);
    expect(fake.calls).toHaveLength(4);
    await clock.advance(1);
    await all;
    expect(fake.calls.map((c) => [c.url, c.at - t0]).slice(4)).toEqual([[urls[1], 1000]]);
  });

  it("hands fetch an aborted signal for a request the SDK aborted before it went", async () => {
    const clock = new ManualClock(t0);
    const seen: boolean[] = [];
    const fetchImpl = ((_url: string, init: RequestInit) => {
      seen.push(init.signal?.aborted ?? false);
      return init.signal?.aborted ? Promise.reject(new Error("aborted before it went")) : Promise.resolve(ok());
    }) as unknown as typeof fetch;
    const client = new PacedHttpClient(new SlidingWindow(50, 1000, clock), () => clock.now(), fetchImpl);
    const abort = new AbortController();
    abort.abort();
    await expect(client.sendRequest(request({ abortSignal: abort.signal }).request)).rejects.toThrow("aborted before it went");
    expect(seen).toEqual([true]);
  });

  it("holds one conversation to Teams' 7 a second and 60 in 30 s, while others go at once", async () => {
    const clock = autoClock(0);
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
