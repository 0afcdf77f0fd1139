/** The Action.Execute data of a card (outboxId, userId), found wherever the card nests its actions. */
export function executeDataOf(card: unknown): { outboxId: string; userId: string } | undefined {
  let found: { outboxId: string; userId: string } | undefined;
  const walk = (node: unknown): void => {
    if (found || node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    const data = o.data as { outboxId?: unknown; userId?: unknown } | undefined;
    if (o.type === "Action.Execute" && typeof data?.outboxId === "string" && typeof data.userId === "string") {
      found = { outboxId: data.outboxId, userId: data.userId };
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/** The Adaptive Card inside an activity's first attachment. */
export function cardOf(activity: Record<string, unknown>): object | undefined {
  const attachments = activity.attachments as { content?: object }[] | undefined;
  return attachments?.[0]?.content;
}
