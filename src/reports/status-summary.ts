import { findExclusion, type ExclusionCause } from "../campaign/find-exclusion.js";
import { findPhase } from "../campaign/find-phase.js";
import { isRegistered } from "../campaign/meets-requirement.js";
import type { Person, PersonHistory } from "../campaign/person.js";
import type { CampaignPolicy, Requirement } from "../campaign/policy.js";
import { percentOf, roundPercent } from "../cards/format-card-number.js";
import { recentInterrupts, signInLookbackStart } from "../campaign/sign-in-lookback.js";

export interface Figures {
  readonly members: number;
  readonly registered: number;
}

/**
 * Where the rollout stands, by the campaign's own rules. This is the one definition every surface
 * reads (the CLI's `status`, `/mfa status`, the trend, the daily report, digests, the export):
 * - in scope: in a phase of the campaign and not excluded;
 * - registered: meets the campaign's requirement by the report, or by a live check ("I've done it");
 * - excluded: kept out by the campaign file or by flag, counted by cause.
 */
export interface StatusSummary {
  readonly computedAt: string;
  readonly requirement: Requirement;
  /** Every account in the snapshot, in scope or not. */
  readonly accounts: number;
  readonly inScope: number;
  readonly registered: number;
  readonly notRegistered: number;
  /** `registered` of `inScope`, 0 to 100 with one decimal, never rounded to 100 while anyone is left. */
  readonly percentRegistered: number;
  readonly excluded: number;
  readonly excludedBy: Readonly<Record<ExclusionCause, number>>;
  /** Accounts that are neither excluded nor in any phase. */
  readonly notInPhase: number;
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
  readonly phases: readonly (Figures & { name: string; deadline: string | null; deadlineDaysAfterFirstReminder: number | null })[];
  readonly departments: Readonly<Record<string, Figures>>;
  /** `code` is Graph's or the Bot Connector's for the refusal; null when none was recorded. */
  readonly unreachable: readonly { id: string; displayName: string; userPrincipalName: string; code?: string | null }[];
  readonly unreachableCount: number;
  /**
   * People in scope, still not registered, whom Entra ID stopped at sign-in since `since` (the
   * lookback window), and the apps that stopped most of them (each person counted once per app).
   */
  readonly signInInterrupts: { readonly since: string; readonly people: number; readonly topApps: readonly SignInApp[] };
}

export interface SignInApp {
  readonly app: string;
  readonly people: number;
}

const unreachableListed = 20;
const topAppsListed = 3;

/** `registered` of `members` as the figures show it everywhere. */
export function percentRegistered(figures: Figures): number {
  return roundPercent(percentOf(figures.registered, figures.members));
}

/**
 * Adds people up, a page at a time, by the one definition above. Each person's state comes from
 * their history as of `now`, not from what the planner decided, so a preview, a run and a status
 * command over the same snapshot agree.
 */
export class StatusTally {
  private accounts = 0;
  private inScope = 0;
  private registered = 0;
  private notInPhase = 0;
  private admins = 0;
  private adminsRegistered = 0;
  private readonly excludedBy: Record<ExclusionCause, number> = { named: 0, disabled: 0, guest: 0, group: 0 };
  private readonly state = { registered: 0, remindedNotRegistered: 0, notYetReminded: 0, snoozed: 0, unreachable: 0, excluded: 0 };
  private readonly phases = new Map<string, { members: number; registered: number }>();
  private readonly departments = new Map<string, { members: number; registered: number }>();
  /** Direct reports in scope per manager: the digests' team figures. */
  private readonly teams = new Map<string, { members: number; registered: number }>();
  private readonly unreachable: { id: string; displayName: string; userPrincipalName: string; code: string | null }[] = [];
  private unreachableCount = 0;
  private stoppedAtSignIn = 0;
  private readonly stoppedByApp = new Map<string, number>();

  constructor(
    private readonly policy: CampaignPolicy,
    private readonly now: number,
  ) {}

  add(person: Person, history: PersonHistory | undefined): void {
    this.accounts += 1;
    const exclusion = findExclusion(person, this.policy);
    if (exclusion) {
      this.excludedBy[exclusion.cause] += 1;
      this.state.excluded += 1;
      return;
    }
    const phase = findPhase(person, this.policy.phases);
    if (!phase) {
      this.notInPhase += 1;
      return;
    }
    const registered = isRegistered(this.policy.requirement, person, history);
    this.inScope += 1;
    if (registered) this.registered += 1;
    if (person.isAdmin) {
      this.admins += 1;
      if (registered) this.adminsRegistered += 1;
    }
    bump(this.phases, phase.name, registered);
    bump(this.departments, person.department?.trim() || "(none)", registered);
    if (person.managerId) bump(this.teams, person.managerId, registered);
    this.addState(person, history, registered);
  }

  /** The figures of one manager's direct reports in scope. */
  teamOf(managerId: string): Figures {
    return this.teams.get(managerId) ?? { members: 0, registered: 0 };
  }

  summary(): StatusSummary {
    const excluded = Object.values(this.excludedBy).reduce((a, b) => a + b, 0);
    return {
      computedAt: new Date(this.now).toISOString(),
      requirement: this.policy.requirement,
      accounts: this.accounts,
      inScope: this.inScope,
      registered: this.registered,
      notRegistered: this.inScope - this.registered,
      percentRegistered: percentRegistered({ members: this.inScope, registered: this.registered }),
      excluded,
      excludedBy: { ...this.excludedBy },
      notInPhase: this.notInPhase,
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
      signInInterrupts: {
        since: new Date(signInLookbackStart(this.now)).toISOString(),
        people: this.stoppedAtSignIn,
        topApps: [...this.stoppedByApp]
          .map(([app, people]) => ({ app, people }))
          .sort((a, b) => b.people - a.people || a.app.localeCompare(b.app))
          .slice(0, topAppsListed),
      },
    };
  }

  private addState(person: Person, history: PersonHistory | undefined, registered: boolean): void {
    const stopped = registered ? [] : recentInterrupts(history?.signInInterrupts ?? [], this.now);
    if (stopped.length > 0) {
      this.stoppedAtSignIn += 1;
      for (const app of new Set(stopped.map((s) => s.app))) this.stoppedByApp.set(app, (this.stoppedByApp.get(app) ?? 0) + 1);
    }
    if (registered) this.state.registered += 1;
    else if (history?.unreachableUntil !== undefined && history.unreachableUntil > this.now) {
      this.state.unreachable += 1;
      this.unreachableCount += 1;
      if (this.unreachable.length < unreachableListed) {
        this.unreachable.push({
          id: person.id,
          displayName: person.displayName ?? person.userPrincipalName,
          userPrincipalName: person.userPrincipalName,
          code: history.unreachableCode ?? null,
        });
      }
    } else if (history?.snoozedUntil !== undefined && history.snoozedUntil > this.now) this.state.snoozed += 1;
    else if (Object.values(history?.remindersByPhase ?? {}).some((n) => n > 0)) this.state.remindedNotRegistered += 1;
    else this.state.notYetReminded += 1;
  }
}

function bump(map: Map<string, { members: number; registered: number }>, key: string, registered: boolean): void {
  const entry = map.get(key) ?? { members: 0, registered: 0 };
  entry.members += 1;
  if (registered) entry.registered += 1;
  map.set(key, entry);
}
