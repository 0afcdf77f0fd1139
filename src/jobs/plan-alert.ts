import { cardContextFor } from "../cards/card-context.js";
import { renderCard } from "../cards/render-card.js";
import type { CampaignPolicy } from "../campaign/policy.js";
import type { DrainTally } from "../delivery/drain-outbox.js";
import { isAppError } from "../errors/app-error.js";
import { ErrorCode } from "../errors/error-code.js";
import type { Store } from "../store/open-store.js";
import { queueMessages } from "../store/outbox.js";
import type { OutboxPayload } from "../delivery/outbox-payload.js";

export type AlertProblem = "deliveryFailing" | "credentialsRejected" | "graphRefusing" | "teamsAppSetup";

/** What, if anything, a run's outcome says is broken. */
export function diagnose(delivery: DrainTally | undefined, error: unknown): { problem: AlertProblem; detail: string } | undefined {
  if (error !== undefined) {
    if (
      isAppError(error, ErrorCode.GraphCredentialRejected) ||
      isAppError(error, ErrorCode.GraphUnauthorized) ||
      isAppError(error, ErrorCode.GraphCredentialsMissing)
    ) {
      return { problem: "credentialsRejected", detail: (error as Error).message };
    }
    if (isAppError(error) && error.code.startsWith("graph_")) return { problem: "graphRefusing", detail: error.message };
  }
  // A setting that makes every install fail (a permission, the catalog id) held messages back: say so
  // before anything else, since it is what stops people being reached.
  if (delivery?.held) return { problem: "teamsAppSetup", detail: delivery.setupProblem ?? "" };
  if (delivery?.halted) {
    return { problem: "deliveryFailing", detail: `${delivery.halted}${delivery.lastError ? `; last error: ${delivery.lastError}` : ""}` };
  }
  if (delivery) {
    const attempts = delivery.sent + delivery.failed + delivery.retried;
    // Most sends failing, not one unlucky person: at least five tries and more than half gone wrong.
    if (attempts >= 5 && delivery.failed + delivery.retried > attempts / 2) {
      return {
        problem: "deliveryFailing",
        detail:
          `${delivery.failed} failed and ${delivery.retried} retried of ${attempts} ` +
          `tries${delivery.lastError ? `; last error: ${delivery.lastError}` : ""}`,
      };
    }
  }
  return undefined;
}

/** Alerts the admins' channel at once, at most once per problem every six hours. */
export async function planAlert(
  store: Store,
  policy: CampaignPolicy,
  now: number,
  found: { problem: AlertProblem; detail: string },
): Promise<number> {
  const conversationId = policy.adminReport.conversationId;
  if (!conversationId) return 0;
  const bucket = Math.floor(now / (6 * 3_600_000));
  const card = renderCard(
    "alert",
    { problem: found.problem, detail: found.detail, since: new Date(now).toISOString() },
    cardContextFor(policy, null, policy.timeZone),
  );
  const payload: OutboxPayload = { card: "channel", conversationId, content: card as unknown as Record<string, unknown> };
  return (
    await queueMessages(
      store,
      [
        {
          kind: "notice",
          userId: "admins",
          recipientId: "admins",
          phase: null,
          step: null,
          payload,
          dedupeKey: `alert:${found.problem}:${bucket}`,
        },
      ],
      new Date(now),
    )
  ).length;
}
