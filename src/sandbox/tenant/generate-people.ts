import { buildOrgChart, type OrgSeat } from "./build-org-chart.js";
import type { IdentityFactory } from "./create-identity-factory.js";
import { makeSimulatedUser } from "./make-simulated-user.js";
import { pickAdminMethods, pickPersonMethods } from "./pick-registered-methods.js";
import { createSeededRandom, type SeededRandom } from "./seeded-random.js";
import type { SimulatedUser } from "./simulated-user.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

export interface PeopleContext {
  seed: number;
  nowMs: number;
  ids: SeededRandom;
  identities: IdentityFactory;
  /** Share of people already registered, when a tenant earlier in its rollout is wanted. */
  registeredShare?: number;
}

/** The workforce: an org chart filled with names, titles, joiners, leavers, admins and registrations. */
export function generatePeople(context: PeopleContext, count: number): SimulatedUser[] {
  const { seed, nowMs } = context;
  const org = createSeededRandom(seed, "org");
  const life = createSeededRandom(seed, "lifecycle");
  const registration = createSeededRandom(seed, "registration");
  const seats = buildOrgChart(org, count);
  const ids = seats.map(() => context.ids.guid());
  const people = seats.map((seat, index) => {
    const identity = context.identities.person();
    const senior = seat.role === "ceo" || seat.role === "head";
    const joined = senior
      ? "old"
      : life.weighted([
          ["today", 0.5],
          ["thisWeek", 0.5],
          ["earlier", 99],
        ] as const);
    const createdMs =
      joined === "today"
        ? nowMs - life.int(HOUR, 22 * HOUR)
        : joined === "thisWeek"
          ? nowMs - life.int(2 * DAY, 7 * DAY)
          : nowMs - life.int(senior ? 4 * YEAR : 2 * DAY, senior ? 9 * YEAR : 6 * YEAR);
    const managerSeat = seat.managerSeat;
    return makeSimulatedUser({
      id: ids[index] as string,
      userPrincipalName: identity.userPrincipalName,
      displayName: identity.displayName,
      givenName: identity.givenName,
      surname: identity.surname,
      mail: identity.userPrincipalName,
      department: departmentOf(seat, org),
      jobTitle: jobTitleOf(seat, org),
      // Leavers: disabled at exit, still in the directory and the report.
      accountEnabled: senior || joined !== "earlier" || !life.chance(0.031),
      managerId: managerSeat === null ? null : (ids[managerSeat] ?? null),
      preferredLanguage: life.chance(0.9) ? identity.locale.preferredLanguage : null,
      usageLocation: identity.locale.usageLocation,
      createdDateTime: new Date(createdMs).toISOString(),
      mobilePhone: identity.mobilePhone,
      // The report is computed daily, so some of today's joiners are not in it yet.
      inReport: joined !== "today",
      methodsRegistered: joined !== "earlier" && registration.chance(0.7) ? [] : pickPersonMethods(registration, context.registeredShare),
    });
  });
  appointAdmins(createSeededRandom(seed, "admins"), people);
  setTeamsState(createSeededRandom(seed, "teams"), people, nowMs);
  return people;
}

function departmentOf(seat: OrgSeat, random: SeededRandom): string | null {
  const name = seat.department?.name ?? null;
  if (seat.role !== "manager" && seat.role !== "contributor") return name;
  // HR feeds are messy: a few people have no department, a few an empty one.
  const roll = random.next();
  return roll < 0.004 ? null : roll < 0.007 ? "" : name;
}

function jobTitleOf(seat: OrgSeat, random: SeededRandom): string | null {
  const department = seat.department;
  if (seat.role === "ceo" || department === null) return "Chief Executive Officer";
  if (seat.role === "head") return department.headTitle;
  if (seat.role === "manager") return random.chance(0.2) ? `Senior ${department.managerTitle}` : department.managerTitle;
  return random.chance(0.02) ? null : random.pick(department.titles);
}

/** About 1% of people hold an admin role, mostly in IT; some of them are not registered. */
function appointAdmins(random: SeededRandom, people: SimulatedUser[]): void {
  // people[0] is the CEO, who holds no admin role.
  const eligible = people.slice(1).filter((p) => p.accountEnabled && p.inReport);
  const target = Math.min(eligible.length, people.length >= 2 ? Math.max(1, Math.round(people.length * 0.01)) : 0);
  const it = random.shuffle(eligible.filter((p) => p.department === "IT"));
  const fromIt = new Set(it.slice(0, Math.round(target * 0.7)));
  const others = random.shuffle(eligible.filter((p) => !fromIt.has(p))).slice(0, target - fromIt.size);
  for (const admin of [...fromIt, ...others]) {
    admin.isAdmin = true;
    admin.methodsRegistered = pickAdminMethods(random);
  }
}

/** Most people already have the app (org-wide deployment); a few are blocked by a permission policy. */
function setTeamsState(random: SeededRandom, people: SimulatedUser[], nowMs: number): void {
  for (const person of people) {
    person.teamsAppBlocked = random.chance(0.005);
    person.teamsAppInstalled = !person.teamsAppBlocked && random.chance(0.85);
    const installedMs = Math.min(Date.parse(person.createdDateTime) + HOUR, nowMs);
    person.teamsAppInstalledDateTime = person.teamsAppInstalled ? new Date(installedMs).toISOString() : null;
  }
}
