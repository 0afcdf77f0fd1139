import type { Store } from "../../src/store/open-store.js";
import { queueMessages } from "../../src/store/outbox.js";
import { updatePersonState } from "../../src/store/people-state.js";
import { personalConversationId } from "../../src/sandbox/connector/simulated-connector.js";

/**
 * `count` reminders ready to send, to people whose 1:1 chat with the bot is open already (one
 * request each), as a run leaves the outbox: the state a scale-out test or benchmark starts from.
 * Returns the recipients' ids.
 */
export async function queueDueReminders(store: Store, count: number, serviceUrl: string, now: Date): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
  await queueMessages(
    store,
    ids.map((id) => ({
      kind: "reminder" as const,
      userId: id,
      recipientId: id,
      phase: "Everyone",
      step: "d-14",
      payload: {
        card: "reminder",
        kind: "first",
        deadline: "2030-01-01",
        firstName: "Ada",
        preferredLanguage: "en-GB",
        methodsRegistered: [],
      },
    })),
    now,
  );
  for (const id of ids) await updatePersonState(store, id, now, { conversation_id: personalConversationId(id), service_url: serviceUrl });
  return ids;
}
