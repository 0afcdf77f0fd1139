import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageText } from "../../src/cards/message-text.js";
import { readConfig } from "../../src/config/read-config.js";
import { personalConversationId } from "../../src/sandbox/connector/simulated-connector.js";
import {
  cardAction,
  fileConsentDeclined,
  personalMessage,
  postToBot,
  type TeamsEnvironment,
  type TeamsUser,
} from "../../src/sandbox/connector/teams-activities.js";
import type { SimulatedUser } from "../../src/sandbox/tenant/index.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import type { OutboxRow } from "../../src/store/outbox.js";
import { startCampaignWorld, tenantId, type CampaignWorld } from "../support/campaign-world.js";
import { runCliCaptured } from "../support/run-cli-captured.js";
import { spawnStart, type StartedProcess } from "../support/spawn-start.js";

/*
 * The bot as `mfa-nudge start` runs it, in its own process, answering Teams-shaped activities over
 * HTTP against the simulated tenant and connector.
 */

const textOf = (value: unknown): string => JSON.stringify(value);
const thankYou = '"text":"Thank you, ';
const stillMissing = '"text":"Not quite there yet"';

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface World {
  world: CampaignWorld;
  store: Store;
  env: TeamsEnvironment;
  rows: OutboxRow[];
}

async function remindedWorld(seed: number, pace: string, beforeRun?: (w: CampaignWorld) => Promise<void>): Promise<World> {
  const world = await startCampaignWorld({
    size: 200,
    seed,
    chatOpensAfterMs: 100,
    graph: { reportsThrottle: { limit: 100, windowMs: 1000 } },
    env: { GRAPH_REPORTS_PACE: pace },
  });
  await beforeRun?.(world);
  return { world, store: undefined as unknown as Store, env: { serviceUrl: world.connector.url, tenantId, botId: "mfa-nudge" }, rows: [] };
}

async function runAndRead(w: World): Promise<void> {
  expect((await runCliCaptured(["run-once"], w.world.env)).code).toBe(0);
  w.store = await openStore(readConfig(w.world.env).database);
  w.rows = await w.store.db
    .selectFrom("outbox")
    .selectAll()
    .where("status", "=", "sent")
    .where("kind", "=", "reminder")
    .orderBy("id")
    .execute();
}

const asTeamsUser = (row: OutboxRow, locale?: string): TeamsUser => ({
  aadObjectId: row.recipient_id,
  name: "Someone",
  ...(locale ? { locale } : {}),
});

describe("the running bot answering people", () => {
  let w: World;
  let bot: StartedProcess;
  let admin: SimulatedUser;
  let dutch: SimulatedUser;
  let next = 0;
  const nextRow = () => w.rows[next++] as OutboxRow;
  const press = async (row: OutboxRow, locale?: string) =>
    (await postToBot(bot.url, cardAction(w.env, asTeamsUser(row, locale), "done", { outboxId: row.id, userId: row.recipient_id }))) as {
      status: number;
      body: { type: string; value: unknown };
    };

  beforeAll(async () => {
    w = await remindedWorld(61, "100/1s");
    const installed = w.world.tenant.users.filter(
      (u) => u.kind === "person" && u.teamsAppInstalled && u.accountEnabled && u.userType === "Member",
    );
    admin = installed.find((u) => u.methodsRegistered.length > 1)!;
    dutch = installed.find(
      (u) => u.id !== admin.id && !u.preferredLanguage?.startsWith("nl") && u.methodsRegistered.every((m) => m === "email"),
    )!;
    w.world.env.ADMIN_USER_IDS = admin.id;
    bot = await spawnStart(w.world.env);
    // Before any reminder: their Teams, in Dutch, says hello. The reminder will follow that language.
    const hello = await postToBot(
      bot.url,
      personalMessage(w.env, { aadObjectId: dutch.id, name: dutch.displayName, locale: "nl-NL" }, "hallo"),
    );
    expect(hello.status).toBe(200);
    await runAndRead(w);
    expect(w.rows.length).toBeGreaterThan(20);
    w.rows = w.rows.filter((r) => r.recipient_id !== dutch.id);
  }, 120_000);
  afterAll(async () => {
    expect(await bot?.stop()).toBe(0);
    await w?.store?.close();
    await w?.world.close();
  });

  it.each([
    ["microsoftAuthenticatorPush", "microsoftAuthenticatorAuthenticationMethod", thankYou],
    ["mobilePhone", "phoneAuthenticationMethod", thankYou],
    ["fido2SecurityKey", "fido2AuthenticationMethod", thankYou],
    ["windowsHelloForBusiness", "windowsHelloForBusinessAuthenticationMethod", thankYou],
    ["softwareOneTimePasscode", "softwareOathAuthenticationMethod", thankYou],
    ["macOsSecureEnclaveKey", "platformCredentialAuthenticationMethod", thankYou],
    ["externalAuthenticationMethod", "externalAuthenticationMethod", thankYou],
    ["temporaryAccessPass", "temporaryAccessPassAuthenticationMethod", stillMissing],
    ["email", "emailAuthenticationMethod", stillMissing],
    ["securityQuestion", "(none: not in Graph v1.0)", stillMissing],
  ])("checks 'I've done it' live: %s (%s) answers %s", async (method, _type, expected) => {
    const row = nextRow();
    w.world.tenant.registerUser(row.recipient_id, [method], Date.now());
    const answer = await press(row);
    expect(answer.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(textOf(answer.body.value)).toContain(expected);
    const state = await w.store.db
      .selectFrom("people_state")
      .select("confirmed_registered_at")
      .where("user_id", "=", row.recipient_id)
      .executeTakeFirst();
    expect(state?.confirmed_registered_at != null).toBe(expected === thankYou);
  });

  it("says a hardware token is confirmed within hours, then confirms it from the report once synced", async () => {
    const row = nextRow();
    w.world.tenant.registerUser(row.recipient_id, ["hardwareOneTimePasscode"], Date.now());
    const before = await press(row);
    expect(textOf(before.body.value)).toContain(stillMissing);
    expect(textOf(before.body.value)).toContain("Registered a hardware token? Microsoft's instant check can't see those yet.");
    expect((await runCliCaptured(["sync"], w.world.env)).code).toBe(0);
    const after = await press(row);
    expect(textOf(after.body.value)).toContain(thankYou);
    expect(textOf(after.body.value)).toContain("Hardware token with codes");
  });

  it("answers 'I couldn't check just now' when Graph fails, rather than failing the button", async () => {
    const row = nextRow();
    w.world.graph.injectFault({
      path: `/v1.0/users/${row.recipient_id}/authentication/methods`,
      times: 1,
      status: 500,
      code: "InternalServerError",
    });
    const answer = await press(row);
    expect(answer.status).toBe(200);
    expect(textOf(answer.body.value)).toContain("I couldn't check just now");
    expect(textOf(answer.body.value)).toContain('"verb":"done"');
  });

  it("answers a card in the language of the press, when it has it", async () => {
    const row = nextRow();
    const answer = await press(row, "de-DE");
    expect(textOf(answer.body.value)).toContain('"lang":"de"');
    expect(textOf(answer.body.value)).toContain("Noch nicht ganz");
  });

  it("replies to a message in its locale, and in the person's preferred language when it does not have that locale", async () => {
    const person = w.world.tenant.users.find((u) => u.kind === "person" && u.id !== admin.id && u.preferredLanguage?.startsWith("fr"))!;
    const say = async (locale: string) => {
      const before = w.world.connector.activities.length;
      await postToBot(bot.url, personalMessage(w.env, { aadObjectId: person.id, name: person.displayName, locale }, "hello"));
      return w.world.connector.activities.slice(before).find((a) => a.conversationId === personalConversationId(person.id))?.activity.text;
    };
    const helpdesk = { helpdesk: "IT Service Desk" };
    expect(await say("es-ES")).toBe(messageText("es", "aboutBot", helpdesk));
    expect(await say("ja-JP")).toBe(messageText("fr", "aboutBot", helpdesk));
  });

  it("sends reminders in the language the person's Teams last spoke", () => {
    const card = w.world.connector.activities.find((a) => a.userId === dutch.id && a.kind === "send");
    expect(textOf(card?.activity)).toContain('"lang":"nl"');
  });

  it("answers a declined file consent kindly instead of 501", async () => {
    const user = { aadObjectId: admin.id, name: admin.displayName, locale: "fr-FR" };
    await postToBot(bot.url, personalMessage(w.env, user, "/mfa export"));
    const before = w.world.connector.activities.length;
    const declined = await postToBot(bot.url, fileConsentDeclined(w.env, user, { kind: "export" }));
    expect(declined.status).toBe(200);
    const reply = w.world.connector.activities.slice(before).find((a) => a.conversationId === personalConversationId(admin.id));
    expect(reply?.activity.text).toBe(messageText("fr", "exportDeclined"));
    expect(w.world.connector.uploads.size).toBe(0);
  });
});

describe("the running bot when the live check's lane is full", () => {
  let w: World;
  let bot: StartedProcess;

  beforeAll(async () => {
    // One live check per 8 s: the second press in a row has to wait for the lane.
    w = await remindedWorld(62, "1/8s");
    await runAndRead(w);
    bot = await spawnStart(w.world.env);
  }, 120_000);
  afterAll(async () => {
    expect(await bot?.stop()).toBe(0);
    await w?.store?.close();
    await w?.world.close();
  });

  it("answers within Teams' five seconds with 'checking', then replaces the card for everyone when the check is done", async () => {
    const [first, second] = w.rows as [OutboxRow, OutboxRow];
    for (const row of [first, second]) w.world.tenant.registerUser(row.recipient_id, ["microsoftAuthenticatorPush"], Date.now());
    const press = (row: OutboxRow) =>
      postToBot(bot.url, cardAction(w.env, asTeamsUser(row), "done", { outboxId: row.id, userId: row.recipient_id }));
    expect(textOf((await press(first)).body)).toContain(thankYou);

    const started = Date.now();
    const answer = await press(second);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(textOf(answer.body)).toContain("Checking your account");

    await waitFor(() => w.world.connector.activities.some((a) => a.kind === "update" && a.id === second.activity_id));
    const update = w.world.connector.activities.find((a) => a.kind === "update" && a.id === second.activity_id);
    expect(update?.conversationId).toBe(second.conversation_id);
    expect(textOf(update?.activity)).toContain(thankYou);
    const checks = w.world.graph.requests.filter((r) => /\/authentication\/methods$/.test(r.path));
    expect(checks.map((r) => r.status)).toEqual([200, 200]);
    expect((checks[1]?.at ?? 0) - (checks[0]?.at ?? 0)).toBeGreaterThanOrEqual(7000);
  }, 60_000);
});
