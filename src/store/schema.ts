import type { ColumnType, Generated } from "kysely";

/*
 * The store's tables as Kysely sees them. Both dialects store the same column types: booleans as
 * 0/1 integers, instants as ISO 8601 text (which sorts correctly), lists as JSON text. That keeps
 * one query layer honest over SQLite and PostgreSQL.
 */

export type Flag = 0 | 1;

/** A count column with a default of 0: optional on insert. */
type Counter = ColumnType<number, number | undefined, number>;

export interface SyncRunTable {
  id: string;
  started_at: string;
  heartbeat_at: string;
  finished_at: string | null;
  status: "running" | "complete" | "failed";
  error: string | null;
  users: Counter;
  registrations: Counter;
  report_pages: Counter;
  user_pages: Counter;
}

/** One row per directory user per snapshot; a snapshot is one sync run's complete read. */
export interface DirectoryUserTable {
  snapshot_id: string;
  id: string;
  user_principal_name: string;
  display_name: string | null;
  given_name: string | null;
  mail: string | null;
  department: string | null;
  job_title: string | null;
  account_enabled: Flag;
  user_type: string | null;
  manager_id: string | null;
  preferred_language: string | null;
  usage_location: string | null;
}

/** One row per row of Graph's userRegistrationDetails report per snapshot. */
export interface RegistrationTable {
  snapshot_id: string;
  user_id: string;
  user_principal_name: string;
  is_admin: Flag;
  is_mfa_registered: Flag;
  is_mfa_capable: Flag;
  methods_registered: string;
  user_type: string | null;
  last_updated_at: string | null;
}

/** When each person was first seen registered: survives snapshots, feeds time-to-register figures. */
export interface RegistrationFirstTable {
  user_id: string;
  first_seen_registered_at: string;
}

/** The headline figures once per day (the last sync of the day wins), for trends. */
export interface DailyFigureTable {
  day: string;
  users: number;
  members: number;
  registered: number;
  admins: number;
  admins_registered: number;
  recorded_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_kind: "system" | "admin" | "user";
  actor_id: string | null;
  action: string;
  subject_id: string | null;
  detail: string | null;
}

export interface GroupMemberTable {
  snapshot_id: string;
  group_id: string;
  user_id: string;
}

/** What we know of a person beyond the directory: their answers, their chat, their time zone. */
export interface PeopleStateTable {
  user_id: string;
  time_zone: string | null;
  snoozed_until: string | null;
  snooze_count: Counter;
  last_answer_at: string | null;
  confirmed_registered_at: string | null;
  unreachable_until: string | null;
  unreachable_reason: string | null;
  /** Graph's or the Bot Connector's own error code for the refusal, e.g. ConversationBlockedByUser. */
  unreachable_code: string | null;
  conversation_id: string | null;
  service_url: string | null;
  /** The Teams client's locale in the person's last activity (e.g. "de-DE"). */
  locale: string | null;
  updated_at: string;
}

export interface PhaseDeadlineTable {
  user_id: string;
  phase: string;
  deadline: string;
  set_at: string;
}

export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "unreachable" | "cancelled";
export type OutboxKind = "reminder" | "escalation" | "digest" | "notice";

/**
 * Every message the bot sends proactively, one row per (kind, person, phase, step). A row moves
 * pending -> sending (claimed, with a lease) -> sent, or failed / unreachable.
 */
export interface OutboxTable {
  id: string;
  dedupe_key: string;
  kind: OutboxKind;
  user_id: string;
  recipient_id: string;
  phase: string | null;
  step: string | null;
  payload: string;
  status: OutboxStatus;
  attempts: Counter;
  not_before: string;
  lease_until: string | null;
  claimed_by: string | null;
  created_at: string;
  sent_at: string | null;
  activity_id: string | null;
  conversation_id: string | null;
  last_error: string | null;
}

export interface AppStateTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

/** A sign-in Entra ID interrupted for want of a second factor, from the sign-in log. */
export interface SignInInterruptTable {
  id: string;
  user_id: string;
  /** ISO 8601, UTC: when the person was stopped. */
  created_at: string;
  app: string;
  error_code: number;
}

export interface Schema {
  group_members: GroupMemberTable;
  people_state: PeopleStateTable;
  phase_deadlines: PhaseDeadlineTable;
  outbox: OutboxTable;
  app_state: AppStateTable;
  sync_runs: SyncRunTable;
  directory_users: DirectoryUserTable;
  registrations: RegistrationTable;
  registration_firsts: RegistrationFirstTable;
  daily_figures: DailyFigureTable;
  audit_log: AuditLogTable;
  sign_in_interrupts: SignInInterruptTable;
}
