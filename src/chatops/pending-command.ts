import { renderCard } from "../cards/render-card.js";
import type { Store } from "../store/open-store.js";
import { findPerson } from "../store/read-people.js";
import { currentSnapshot } from "../store/sync-runs.js";
import type { CommandHandler } from "./command-context.js";
import { findPending } from "../reports/find-pending.js";

const pageSize = 10;

/**
 * `/mfa pending [--blocked] [department | manager UPN] [page]`: who has not registered, most urgent
 * first, ten at a time. A UPN names a manager (their direct reports); anything else a department.
 * `--blocked` keeps only those Entra ID stopped at sign-in in the last 7 days.
 */
export const pendingCommand: CommandHandler = async (args, context) => {
  const all = args.split(" ").filter(Boolean);
  const blocked = all.some((w) => w.toLowerCase() === "--blocked");
  const words = all.filter((w) => w.toLowerCase() !== "--blocked");
  const last = words[words.length - 1];
  const page = last && /^\d+$/.test(last) ? Math.max(1, Number(words.pop())) : 1;
  const filter = words.join(" ").trim();
  const only = await filterFor(context.store, filter);
  const pending = await findPending(context.store, context.policy, context.now, only, blocked);
  const pageCount = Math.max(1, Math.ceil(pending.length / pageSize));
  const shown = Math.min(page, pageCount);
  return {
    kind: "card",
    card: renderCard(
      "pending",
      {
        filter: filter || null,
        blocked,
        page: shown,
        pageCount,
        total: pending.length,
        people: pending.slice((shown - 1) * pageSize, shown * pageSize).map((p) => ({
          displayName: p.person.displayName ?? p.person.userPrincipalName,
          userPrincipalName: p.person.userPrincipalName,
          department: p.person.department,
          deadline: p.deadline,
          daysLeft: p.daysLeft,
          reminders: p.reminders,
          stopped: p.stopped,
        })),
        nextCommand: shown < pageCount ? `mfa pending ${blocked ? "--blocked " : ""}${filter ? `${filter} ` : ""}${shown + 1}` : null,
      },
      context.card,
    ),
  };
};

async function filterFor(
  store: Store,
  filter: string,
): Promise<((p: { department: string | null; managerId: string | null }) => boolean) | undefined> {
  if (!filter) return undefined;
  if (filter.includes("@")) {
    const snapshot = await currentSnapshot(store);
    const manager = snapshot ? await findPerson(store, snapshot.id, filter) : undefined;
    const id = manager?.id ?? "(nobody)";
    return (p) => p.managerId === id;
  }
  const department = filter.toLowerCase();
  return (p) => (p.department ?? "").trim().toLowerCase() === department;
}
