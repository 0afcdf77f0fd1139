import type { Decision } from "../campaign/decision.js";
import { findExclusion } from "../campaign/find-exclusion.js";
import { findPhase } from "../campaign/find-phase.js";
import { isRegistered } from "../campaign/meets-requirement.js";
import type { Person, PersonHistory } from "../campaign/person.js";
import type { CampaignPolicy } from "../campaign/policy.js";

/** Where the rollout stands, by the campaign's own rules: computed in the planner's pass, cached. */
export interface StatusSummary {
  readonly computedAt: string;
  /** People in the campaign's scope: in a phase and not excluded. */
  readonly inScope: number;
  readonly registered: number;
  readonly admins: number;
  readonly adminsNotRegistered: number;
  readonly byState: {
    readonly registered: number;
    readonly remindedNotRegistered: number;
    readonly notYetReminded: number;
    readonly snoozed: number;
    readonly unreachable: number;
    readonly excluded: number;
  };
  readonly phases: readonly { name: string; deadline: string | null; deadlineDaysAfterFirstReminder: number | null; members: number; registered: number }[];
  readonly departments: Readonly<Record<string, { members: number; registered: number }>>;
  /** `code` is Graph's or the Bot Connector's for the refusal; null when none was recorded. */
  readonly unreachable: readonly { id: string; displayName: string; userPrincipalName: string; code?: string | null }[];
  readonly unreachableCount: number;
}

const unreachableListed = 20;

/** Adds people up as the planner goes through them, a page at a time. */
export class StatusTally {
  private inScope = 0;
  private registered = 0;
  private admins = 0;
  private adminsRegistered = 0;
  private readonly state = { registered: 0, remindedNotRegistered: 0, notYetReminded: 0, snoozed: 0, unreachable: 0, excluded: 0 };
  private readonly phases = new Map<string, { members: number; registered: number }>();
  private readonly departments = new Map<string, { members: number; registered: number }>();
  private readonly unreachable: { id: string; displayName: string; userPrincipalName: string; code: string | null }[] = [];
  private unreachableCount = 0;

  constructor(private readonly policy: CampaignPolicy) {}

  add(person: Person, history: PersonHistory | undefined, decisions: readonly Decision[]): void {
    if (findExclusion(person, this.policy) !== undefined) {
      this.state.excluded += 1;
      return;
    }
    const phase = findPhase(person, this.policy.phases);
    if (!phase) return;
    const registered = isRegistered(this.policy.requirement, person, history);
    this.inScope += 1;
    if (registered) this.registered += 1;
    if (person.isAdmin) {
      this.admins += 1;
      if (registered) this.adminsRegistered += 1;
    }
    bump(this.phases, phase.name, registered);
    bump(this.departments, person.department?.trim() || "(none)", registered);
    const skip = decisions.find((d) => d.action === "none");
    if (registered) this.state.registered += 1;
    else if (skip?.action === "none" && skip.skip === "unreachable") {
      this.state.unreachable += 1;
      this.unreachableCount += 1;
      if (this.unreachable.length < unreachableListed) {
        this.unreachable.push({
          id: person.id,
          displayName: person.displayName ?? person.userPrincipalName,
          userPrincipalName: person.userPrincipalName,
          code: history?.unreachableCode ?? null,
        });
      }
    } else if (skip?.action === "none" && skip.skip === "snoozed") this.state.snoozed += 1;
    else if (Object.values(history?.remindersByPhase ?? {}).some((n) => n > 0)) this.state.remindedNotRegistered += 1;
    else this.state.notYetReminded += 1;
  }

  summary(now: Date): StatusSummary {
    return {
      computedAt: now.toISOString(),
      inScope: this.inScope,
      registered: this.registered,
      admins: this.admins,
      adminsNotRegistered: this.admins - this.adminsRegistered,
      byState: { ...this.state },
      phases: this.policy.phases.map((p) => ({
        name: p.name,
        deadline: p.deadline ?? null,
        deadlineDaysAfterFirstReminder: p.deadlineDaysAfterFirstReminder ?? null,
        ...(this.phases.get(p.name) ?? { members: 0, registered: 0 }),
      })),
      departments: Object.fromEntries(this.departments),
      unreachable: [...this.unreachable],
      unreachableCount: this.unreachableCount,
    };
  }
}

function bump(map: Map<string, { members: number; registered: number }>, key: string, registered: boolean): void {
  const entry = map.get(key) ?? { members: 0, registered: 0 };
  entry.members += 1;
  if (registered) entry.registered += 1;
  map.set(key, entry);
}
