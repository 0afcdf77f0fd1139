import { emptyHistory, type PersonHistory } from "../campaign/person.js";
import type { Store } from "./open-store.js";
import type { OutboxTable, PeopleStateTable } from "./schema.js";
import { sql, type Expression, type Selectable, type SqlBool } from "kysely";

const ms = (iso: string | null | undefined): number | undefined => (iso ? Date.parse(iso) : undefined);

type Message = Pick<Selectable<OutboxTable>, "user_id" | "kind" | "phase" | "step" | "status" | "created_at" | "sent_at">;
type Deadline = { user_id: string; phase: string; deadline: string };
type Interrupt = { user_id: string; created_at: string; app: string };

/**
 * What has happened to each of these people: their answers and state, per-person deadlines, and
 * the reminders and escalations queued or sent for them. For a handful of people (a card action,
 * a command); a pass over everyone reads a range at a time with readHistoriesBetween.
 */
export async function readHistories(store: Store, userIds: readonly string[]): Promise<Map<string, PersonHistory>> {
  const ids = [...userIds];
  if (ids.length === 0) return new Map();
  return readHistoriesWhere(store, ids, (column) => sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})`);
}

/**
 * The histories of a page of people whose ids run from `first` to `last` (in the store's own
 * order, as keyset paging reads them). Asking by range keeps each statement the same whatever the
 * page, where a list of a thousand ids would be a new statement every time.
 */
export async function readHistoriesBetween(
  store: Store,
  userIds: readonly string[],
  first: string,
  last: string,
): Promise<Map<string, PersonHistory>> {
  if (userIds.length === 0) return new Map();
  return readHistoriesWhere(store, userIds, (column) => sql<SqlBool>`${sql.ref(column)} between ${first} and ${last}`);
}

/** Which rows of a table belong to the people asked about: a condition on its user_id column. */
type UserFilter = (column: string) => Expression<SqlBool>;

async function readHistoriesWhere(store: Store, ids: readonly string[], mine: UserFilter): Promise<Map<string, PersonHistory>> {
  const [states, deadlines, messages, interrupts] = await Promise.all([
    store.db.selectFrom("people_state").selectAll().where(mine("people_state.user_id")).execute(),
    store.db.selectFrom("phase_deadlines").select(["user_id", "phase", "deadline"]).where(mine("phase_deadlines.user_id")).execute(),
    store.db
      .selectFrom("outbox")
      .select(["user_id", "kind", "phase", "step", "status", "created_at", "sent_at"])
      .where(mine("outbox.user_id"))
      .where("kind", "in", ["reminder", "escalation"])
      .where("status", "!=", "cancelled")
      .execute(),
    // The table holds only the lookback window (each read prunes it), so this reads no further back.
    store.db
      .selectFrom("sign_in_interrupts")
      .select(["user_id", "created_at", "app"])
      .where(mine("sign_in_interrupts.user_id"))
      .orderBy("created_at", "desc")
      .execute(),
  ]);
  return buildHistories(ids, states, deadlines, messages, interrupts);
}

/** The histories of a page from readAllPeople (ids in the store's order). */
export function readHistoriesOf(store: Store, people: readonly { id: string }[]): Promise<Map<string, PersonHistory>> {
  const first = people[0]?.id ?? "";
  const last = people[people.length - 1]?.id ?? "";
  return readHistoriesBetween(
    store,
    people.map((p) => p.id),
    first,
    last,
  );
}

function buildHistories(
  ids: readonly string[],
  states: readonly Selectable<PeopleStateTable>[],
  deadlines: readonly Deadline[],
  messages: readonly Message[],
  interrupts: readonly Interrupt[],
): Map<string, PersonHistory> {
  const stateOf = new Map(states.map((s) => [s.user_id, s]));
  const deadlinesOf = groupBy(deadlines);
  const messagesOf = groupBy(messages);
  const interruptsOf = groupBy(interrupts);
  const histories = new Map<string, PersonHistory>();
  for (const id of ids) {
    const state = stateOf.get(id);
    const mine = messagesOf.get(id);
    const theirDeadlines = deadlinesOf.get(id);
    const stopped = interruptsOf.get(id);
    // Most people have nothing recorded (everyone registered before the campaign reached them): one shared empty history.
    if (!state && !mine && !theirDeadlines && !stopped) {
      histories.set(id, emptyHistory);
      continue;
    }
    histories.set(id, historyOf(state, theirDeadlines ?? [], mine ?? [], stopped ?? []));
  }
  return histories;
}

function historyOf(
  state: Selectable<PeopleStateTable> | undefined,
  deadlines: readonly Deadline[],
  mine: readonly Message[],
  stopped: readonly Interrupt[],
): PersonHistory {
  const lastAnswer = state?.last_answer_at ?? "";
  const reminders = mine.filter((m) => m.kind === "reminder");
  const remindersByPhase: Record<string, number> = {};
  for (const r of reminders) if (r.phase) remindersByPhase[r.phase] = (remindersByPhase[r.phase] ?? 0) + 1;
  const lastQueued = reminders.reduce((max, r) => (r.created_at > max ? r.created_at : max), "");
  return {
    phaseDeadlines: Object.fromEntries(deadlines.map((d) => [d.phase, d.deadline])),
    stepsQueued: new Set(reminders.map((r) => `${r.phase ?? ""}:${r.step ?? ""}`)),
    remindersByPhase,
    // Only reminders the person could have seen count as unanswered.
    unansweredReminders: reminders.filter((r) => r.status === "sent" && (r.sent_at ?? "") > lastAnswer).length,
    lastReminderAt: ms(lastQueued),
    escalatedPhases: new Set(mine.filter((m) => m.kind === "escalation").map((m) => m.phase ?? "")),
    snoozedUntil: ms(state?.snoozed_until),
    snoozeCount: state?.snooze_count ?? 0,
    confirmedRegisteredAt: ms(state?.confirmed_registered_at),
    unreachableUntil: ms(state?.unreachable_until),
    unreachableCode: state?.unreachable_code ?? undefined,
    timeZone: state?.time_zone ?? undefined,
    signInInterrupts: stopped.map((s) => ({ at: Date.parse(s.created_at), app: s.app })),
  };
}

function groupBy<T extends { user_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const row of rows) {
    const list = by.get(row.user_id);
    if (list) list.push(row);
    else by.set(row.user_id, [row]);
  }
  return by;
}
