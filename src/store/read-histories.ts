import type { PersonHistory } from "../campaign/person.js";
import type { Store } from "./open-store.js";

const ms = (iso: string | null | undefined): number | undefined => (iso ? Date.parse(iso) : undefined);

/**
 * What has happened to each of these people: their answers and state, per-person deadlines, and
 * the reminders and escalations queued or sent for them. Used by the planner a page at a time.
 */
export async function readHistories(store: Store, userIds: readonly string[]): Promise<Map<string, PersonHistory>> {
  const ids = [...userIds];
  const histories = new Map<string, PersonHistory>();
  if (ids.length === 0) return histories;
  const [states, deadlines, messages, interrupts] = await Promise.all([
    store.db.selectFrom("people_state").selectAll().where("user_id", "in", ids).execute(),
    store.db.selectFrom("phase_deadlines").select(["user_id", "phase", "deadline"]).where("user_id", "in", ids).execute(),
    store.db
      .selectFrom("outbox")
      .select(["user_id", "kind", "phase", "step", "status", "created_at", "sent_at"])
      .where("user_id", "in", ids)
      .where("kind", "in", ["reminder", "escalation"])
      .where("status", "!=", "cancelled")
      .execute(),
    // The table holds only the lookback window (each read prunes it), so this reads no further back.
    store.db
      .selectFrom("sign_in_interrupts")
      .select(["user_id", "created_at", "app"])
      .where("user_id", "in", ids)
      .orderBy("created_at", "desc")
      .execute(),
  ]);
  const stateOf = new Map(states.map((s) => [s.user_id, s]));
  for (const id of ids) {
    const state = stateOf.get(id);
    const lastAnswer = state?.last_answer_at ?? "";
    const mine = messages.filter((m) => m.user_id === id);
    const reminders = mine.filter((m) => m.kind === "reminder");
    const remindersByPhase: Record<string, number> = {};
    for (const r of reminders) if (r.phase) remindersByPhase[r.phase] = (remindersByPhase[r.phase] ?? 0) + 1;
    const lastQueued = reminders.reduce((max, r) => (r.created_at > max ? r.created_at : max), "");
    histories.set(id, {
      phaseDeadlines: Object.fromEntries(deadlines.filter((d) => d.user_id === id).map((d) => [d.phase, d.deadline])),
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
      signInInterrupts: interrupts.filter((s) => s.user_id === id).map((s) => ({ at: Date.parse(s.created_at), app: s.app })),
    });
  }
  return histories;
}
