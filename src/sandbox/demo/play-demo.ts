import { DateTime } from "luxon";
import { syncDirectory } from "../../directory/sync-directory.js";
import { runCampaign } from "../../jobs/run-campaign.js";
import { bar } from "../../reports/format-numbers.js";
import { summarizeCampaign } from "../../reports/summarize-campaign.js";
import { countActions } from "../../store/read-audit.js";
import { readMessage } from "../../store/read-message.js";
import { countSentByKind, countSentSignInHelp, wasEscalated } from "../../store/read-outbox.js";
import { cardAction, postToBot } from "../connector/teams-activities.js";
import type { RecordedActivity } from "../connector/recorded-activity.js";
import type { DemoDay, DemoMessage, DemoReportData } from "./report/demo-report-data.js";
import { cardOf, executeDataOf } from "./card-buttons.js";
import { describePeople } from "./describe-people.js";
import { demoTenantId, startDemoWorld, type DemoWorld } from "./demo-world.js";
import { SimClock } from "./sim-clock.js";
import { SimulatedPeople, type Reaction } from "./simulated-people.js";
import { stopAtSignIn } from "./stop-at-sign-in.js";
import type { OutboxPayload } from "../../delivery/outbox-payload.js";
import { timeZoneFor } from "./time-zone-for.js";

export interface DemoOptions {
  readonly size: number;
  readonly seed: number;
  readonly days: number;
  /** The campaign's first day (a date; the demo starts at 06:00 UTC on it). */
  readonly start: string;
  readonly outDir: string;
  readonly print: (line: string) => void;
}

interface Pending {
  readonly at: number;
  readonly userId: string;
  readonly reaction: Exclude<Reaction, { kind: "ignore" }>;
  readonly card: object;
}

const hour = 3_600_000;
// The schedule: a campaign run every hour from 06:00 to 21:00 UTC, so each time zone's reminder
// hours (10:00-16:00 local, from Europe to the US east coast) come round.
const runHours = Array.from({ length: 16 }, (_, i) => 6 + i);
// After enforcement people are stopped as they start work: 08:00 UTC, before London's reminder hours.
const signInHour = 8;

/**
 * Plays a campaign of `days` days on simulated time: each hour the real campaign job syncs, plans
 * and delivers through the real bot, and simulated people answer their cards by posting to the
 * bot's real /api/messages, as Teams would. Halfway through, MFA is enforced: from then on Entra ID
 * stops people without a second method at sign-in, and the bot helps them. Returns the report's data.
 */
export async function playDemo(options: DemoOptions): Promise<DemoReportData> {
  const clock = new SimClock(Date.parse(`${options.start}T06:00:00Z`));
  const world = await startDemoWorld({ ...options, clock });
  const people = new SimulatedPeople(options.seed);
  const replies = new Map<string, DemoMessage[]>();
  const reminded = new Map<string, number>();
  const registeredOn = new Map<string, string>();
  const days: DemoDay[] = [];
  let pending: Pending[] = [];
  let seen = 0;
  const enforcementDay = Math.floor(options.days / 2);
  const enforcementDate = DateTime.fromISO(options.start, { zone: "utc" }).plus({ days: enforcementDay }).toISODate() ?? "";

  try {
    options.print(`Day  Date          Registered                   Reminders  Escalations  Snoozes  Help  Stopped  Helped`);
    // Where the tenant stood before the first reminder: the baseline the chart starts from.
    await syncDirectory({ graph: world.runtime.graph(), store: world.runtime.store, clock, log: world.runtime.log });
    // The campaign's own figures, the ones /mfa status shows, so the chart and the bot agree.
    const baseline = await campaignFigures(world, clock.now());
    const eve = DateTime.fromISO(options.start, { zone: "utc" }).minus({ days: 1 });
    days.push({
      date: eve.toISODate() ?? "",
      members: baseline.inScope,
      registered: baseline.registered,
      reminders: 0,
      escalations: 0,
      snoozes: 0,
      helpRequests: 0,
      stoppedAtSignIn: 0,
      signInHelp: 0,
    });
    options.print(printDay(0, eve, days[0] as DemoDay));
    for (let day = 0; day < options.days; day += 1) {
      const date = DateTime.fromMillis(Date.parse(`${options.start}T00:00:00Z`), { zone: "utc" }).plus({ days: day });
      const before = await tallies(world);
      if (day === enforcementDay) {
        options.print(
          `     MFA enforced from ${date.toFormat("ccc dd LLL")}: Entra ID now stops anyone without a second method at sign-in.`,
        );
      }
      let stopped = 0;
      for (const h of runHours) {
        clock.advanceTo(date.plus({ hours: h }).toMillis());
        if (day >= enforcementDay && h === signInHour) stopped = stopAtSignIn(world.tenant, options.seed, clock.now());
        pending = await act(world, pending, clock.now(), replies, registeredOn);
        await runCampaign({
          store: world.runtime.store,
          graph: world.runtime.graph(),
          policy: world.policy,
          clock,
          log: world.runtime.log,
          delivery: world.bot.delivery,
        });
        const fresh = world.connector.activities.slice(seen);
        seen = world.connector.activities.length;
        pending.push(...(await react(world, people, fresh, reminded, clock.now())));
      }
      const figures = await campaignFigures(world, clock.now());
      const counts = await tallies(world);
      const row: DemoDay = {
        date: date.toISODate() ?? "",
        members: figures.inScope,
        registered: figures.registered,
        reminders: counts.reminders - before.reminders,
        escalations: counts.escalations - before.escalations,
        snoozes: counts.snoozes - before.snoozes,
        helpRequests: counts.help - before.help,
        stoppedAtSignIn: stopped,
        signInHelp: counts.signInHelp - before.signInHelp,
      };
      days.push(row);
      options.print(printDay(day + 1, date, row));
    }
    return await describePeople(world, {
      ...options,
      days,
      replies,
      registeredOn,
      enforcementDate: options.days > 0 ? enforcementDate : null,
      startedAt: Date.parse(`${options.start}T06:00:00Z`),
      endedAt: clock.now(),
    });
  } finally {
    await world.close();
  }
}

async function campaignFigures(world: DemoWorld, now: number): Promise<{ inScope: number; registered: number }> {
  return (await summarizeCampaign(world.runtime.store, world.policy, now)) ?? { inScope: 0, registered: 0 };
}

/** Counts so far, to take each day's difference: messages by kind, snoozes and help requests. */
async function tallies(
  world: DemoWorld,
): Promise<{ reminders: number; escalations: number; snoozes: number; help: number; signInHelp: number }> {
  const store = world.runtime.store;
  const sent = await countSentByKind(store);
  const audit = await countActions(store, ["person.snoozed", "person.askedForHelp"]);
  return {
    reminders: sent.get("reminder") ?? 0,
    escalations: sent.get("escalation") ?? 0,
    snoozes: audit.get("person.snoozed") ?? 0,
    help: audit.get("person.askedForHelp") ?? 0,
    signInHelp: await countSentSignInHelp(store),
  };
}

/** Decides how each person who just received a reminder will answer it, and when. */
async function react(
  world: DemoWorld,
  people: SimulatedPeople,
  fresh: readonly RecordedActivity[],
  reminded: Map<string, number>,
  now: number,
): Promise<Pending[]> {
  const next: Pending[] = [];
  for (const activity of fresh) {
    const card = cardOf(activity.activity);
    const data = card ? executeDataOf(card) : undefined;
    if (!card || !data) continue; // escalations and helpdesk notices carry no buttons
    const row = await readMessage(world.runtime.store, data.outboxId);
    if (!row) continue;
    const nth = (reminded.get(row.user_id) ?? 0) + 1;
    reminded.set(row.user_id, nth);
    const payload = JSON.parse(row.payload) as OutboxPayload;
    if (payload.card === "signInHelp") {
      const reaction = people.reactToSignInHelp(row.user_id);
      if (reaction.kind !== "ignore") next.push({ at: now + reaction.afterHours * hour, userId: row.user_id, reaction, card });
      continue;
    }
    const deadline = (payload as { deadline: string }).deadline;
    const daysLeft = Math.round((Date.parse(`${deadline}T12:00:00Z`) - now) / 86_400_000);
    const escalated = await wasEscalated(world.runtime.store, row.user_id);
    const reaction = people.react(row.user_id, nth, daysLeft, escalated);
    if (reaction.kind !== "ignore") next.push({ at: now + reaction.afterHours * hour, userId: row.user_id, reaction, card });
  }
  return next;
}

/** Carries out the reactions whose time has come; returns those still to come. */
async function act(
  world: DemoWorld,
  pending: Pending[],
  now: number,
  replies: Map<string, DemoMessage[]>,
  registeredOn: Map<string, string>,
): Promise<Pending[]> {
  const due = pending.filter((p) => p.at <= now);
  const press = async (p: Pending, verb: string, label: string) => {
    const data = executeDataOf(p.card);
    const user = world.tenant.userById(p.userId);
    if (!data || !user) return;
    const env = { serviceUrl: world.connector.url, tenantId: demoTenantId, botId: "mfa-nudge" };
    // Their Teams speaks their preferred language, as a real client usually would.
    const teamsUser = {
      aadObjectId: user.id,
      name: user.displayName,
      timeZone: timeZoneFor(user.usageLocation),
      locale: user.preferredLanguage ?? "en-GB",
    };
    const answer = await postToBot(world.server.url, cardAction(env, teamsUser, verb, data));
    const value = (answer.body as { value?: unknown } | null)?.value;
    if (value && typeof value === "object") {
      const list = replies.get(p.userId) ?? [];
      list.push({ at: new Date(now).toISOString(), kind: "reply", label, card: value });
      replies.set(p.userId, list);
    }
  };
  for (const p of due) {
    const r = p.reaction;
    if (r.kind === "register") {
      world.tenant.registerUser(p.userId, r.methods, now);
      if (!registeredOn.has(p.userId)) registeredOn.set(p.userId, new Date(now).toISOString().slice(0, 10));
      if (r.thenPressDone) await press(p, "done", "After pressing: I've done it");
    } else {
      const labels = {
        snooze: "After pressing: Remind me later",
        help: "After pressing: I need help",
        noSmartphone: "After pressing: No smartphone?",
        done: "After pressing: I've done it",
      } as const;
      await press(p, r.verb, labels[r.verb]);
    }
  }
  return pending.filter((p) => p.at > now);
}

function printDay(number: number, date: DateTime, row: DemoDay): string {
  const share = row.members ? row.registered / row.members : 0;
  return (
    `${String(number).padStart(3)}  ${date.toFormat("ccc dd LLL")}    ${(share * 100).toFixed(1).padStart(5)} % ` +
    `${bar(share, 20)}  ${String(row.reminders).padStart(9)}  ${String(row.escalations).padStart(11)}  ` +
    `${String(row.snoozes).padStart(7)}  ${String(row.helpRequests).padStart(4)}  ` +
    `${String(row.stoppedAtSignIn).padStart(7)}  ${String(row.signInHelp).padStart(6)}`
  );
}
