import { DateTime } from "luxon";
import { cardContextFor } from "../cards/card-context.js";
import { renderCard } from "../cards/render-card.js";
import type { Person } from "../campaign/person.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import { buildStatusCard } from "../reports/build-status-card.js";
import type { StatusSummary } from "../reports/status-summary.js";
import type { Store } from "../store/open-store.js";
import { readFiguresBefore } from "../store/daily-figures.js";
import { queueMessages } from "../store/outbox.js";
import { readSubjectsSince } from "../store/read-audit.js";
import { isQueued } from "../store/read-message.js";
import { countFailedSince } from "../store/read-outbox.js";
import { readPeopleByIds } from "../store/read-people.js";
import { currentSnapshot } from "../store/sync-runs.js";
import type { OutboxPayload } from "../delivery/outbox-payload.js";

/**
 * The daily admin report, to the admins' channel when one is configured: the status card plus
 * what changed since yesterday. Once a day, at the campaign's report time. Returns 1 when queued.
 */
export async function planAdminReport(
  store: Store,
  policy: CampaignPolicy,
  now: number,
  summary: StatusSummary | undefined,
): Promise<number> {
  const conversationId = policy.adminReport.conversationId;
  if (!conversationId) return 0;
  const local = DateTime.fromMillis(now, { zone: policy.timeZone });
  if (local.hour * 60 + local.minute < policy.adminReport.minute) return 0;
  const date = local.toISODate() ?? "";
  if (await isQueued(store, `adminReport:${date}`)) return 0;

  const since = new Date(now - 86_400_000).toISOString();
  const [yesterday, ids, failures, snapshot] = await Promise.all([
    readFiguresBefore(store, date),
    readSubjectsSince(store, "person.unreachable", since),
    countFailedSince(store, since),
    currentSnapshot(store),
  ]);
  const people = snapshot ? await readPeopleByIds(store, snapshot.id, ids) : new Map<string, Person>();
  const card = renderCard(
    "adminReport",
    {
      status: await buildStatusCard(store, summary, now),
      // The day's change in the one registered count, so the report agrees with the donut above it.
      newlyRegistered: summary && yesterday ? Math.max(0, summary.registered - yesterday.registered) : 0,
      newlyUnreachable: ids.map((id) => ({
        displayName: people.get(id)?.displayName ?? id,
        userPrincipalName: people.get(id)?.userPrincipalName ?? "",
      })),
      failures,
    },
    cardContextFor(policy, null, policy.timeZone),
  );
  const payload: OutboxPayload = { card: "channel", conversationId, content: card as unknown as Record<string, unknown> };
  const queued = await queueMessages(
    store,
    [{ kind: "notice", userId: "admins", recipientId: "admins", phase: null, step: null, payload, dedupeKey: `adminReport:${date}` }],
    new Date(now),
  );
  return queued.length;
}
