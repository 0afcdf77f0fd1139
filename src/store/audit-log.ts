import type { Store } from "./open-store.js";

export interface AuditEntry {
  readonly actorKind: "system" | "admin" | "user";
  readonly actorId?: string;
  readonly action: string;
  readonly subjectId?: string;
  readonly detail?: Record<string, unknown>;
}

/** Appends to the audit log: what the bot and its admins did, and what was refused. */
export async function recordAudit(store: Store, now: Date, entry: AuditEntry): Promise<void> {
  await store.db
    .insertInto("audit_log")
    .values({
      at: now.toISOString(),
      actor_kind: entry.actorKind,
      actor_id: entry.actorId ?? null,
      action: entry.action,
      subject_id: entry.subjectId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}
