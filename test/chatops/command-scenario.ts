import { randomUUID } from "node:crypto";
import { capturedLog } from "../support/captured-log.js";
import type { Language } from "../../src/cards/card-data.js";
import { cardContextFor } from "../../src/cards/card-context.js";
import type { ChatReply } from "../../src/chatops/chat-reply.js";
import type { CommandContext } from "../../src/chatops/command-context.js";
import type { CampaignPolicy } from "../../src/campaign/policy.js";
import type { Store } from "../../src/store/open-store.js";
import type { OutboxKind, OutboxStatus } from "../../src/store/schema.js";
import { examplePolicy } from "../campaign/campaign-fixture.js";
import { unescapeMarkdown } from "../cards/card-nodes.js";

/** Tuesday 3 November 2026, 11:00 in London (GMT): inside the campaign's reminder hours (Mon-Fri 10:00-16:00). */
export const now = Date.parse("2026-11-03T11:00:00Z");
export const admin = "a1";

/** What a command gets when admin a1 asks, reading English on London's clock, and how often it asked to deliver soon. */
export function commandContext(
  store: Store,
  options: { language?: Language; timeZone?: string; policy?: CampaignPolicy } = {},
): { context: CommandContext; deliveries: () => number } {
  const policy = options.policy ?? examplePolicy();
  let deliveries = 0;
  const context: CommandContext = {
    store,
    policy,
    now,
    actorId: admin,
    card: cardContextFor(policy, options.language ?? "en", options.timeZone ?? null),
    deliverSoon: () => void deliveries++,
    runDoctor: () => Promise.reject(new Error("not asked for in these tests")),
  };
  return { context, deliveries: () => deliveries };
}

/** A text answer as Teams shows it (Markdown's escapes read); throws on a card or a file. */
export function textOf(reply: ChatReply): string {
  if (reply.kind !== "text") throw new Error(`Expected a text answer, got a ${reply.kind}`);
  return unescapeMarkdown(reply.text);
}

/** A row in the outbox as a run and the sender leave it, for one person's history. */
export async function insertMessage(
  store: Store,
  m: { kind: OutboxKind; userId: string; phase?: string; step?: string; status: OutboxStatus; createdAt: string; sentAt?: string },
): Promise<void> {
  await store.db
    .insertInto("outbox")
    .values({
      id: randomUUID(),
      dedupe_key: `${m.kind}:${m.userId}:${m.phase ?? ""}:${m.step ?? ""}:${m.createdAt}`,
      kind: m.kind,
      user_id: m.userId,
      recipient_id: m.userId,
      phase: m.phase ?? null,
      step: m.step ?? null,
      payload: "{}",
      status: m.status,
      not_before: m.createdAt,
      created_at: m.createdAt,
      sent_at: m.sentAt ?? null,
    })
    .execute();
}

/** A row of the audit log about someone. */
export async function insertAudit(store: Store, subjectId: string, action: string, at: string): Promise<void> {
  await store.db
    .insertInto("audit_log")
    .values({ at, actor_kind: "user", actor_id: subjectId, action, subject_id: subjectId, detail: null })
    .execute();
}

export { capturedLog };
