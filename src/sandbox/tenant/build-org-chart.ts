import { DEPARTMENTS, type Department } from "./departments.js";
import type { SeededRandom } from "./seeded-random.js";

export type OrgRole = "ceo" | "head" | "manager" | "contributor";

/** One position in the company; `managerSeat` indexes the returned array. */
export interface OrgSeat {
  role: OrgRole;
  department: Department | null;
  managerSeat: number | null;
}

/** Managers in real org charts have between four and ten direct reports. */
const MIN_SPAN = 4;
const MAX_SPAN = 10;

/**
 * A CEO, one head per department reporting to the CEO, and below each head a tree in which every
 * manager takes 4-10 reports before the next person is promoted; whoever ends with no reports is an
 * individual contributor. Small companies get fewer departments (the largest first).
 */
export function buildOrgChart(random: SeededRandom, count: number): OrgSeat[] {
  if (count < 1) return [];
  const seats: OrgSeat[] = [{ role: "ceo", department: null, managerSeat: null }];
  const staffed = DEPARTMENTS.slice(0, Math.min(DEPARTMENTS.length, count - 1));
  const members = new Map<Department, number[]>();
  for (const department of staffed) {
    members.set(department, [seats.length]);
    seats.push({ role: "head", department, managerSeat: 0 });
  }
  const weights = staffed.map((department) => [department, department.weight] as const);
  while (seats.length < count) {
    const department = random.weighted(weights);
    members.get(department)?.push(seats.length);
    seats.push({ role: "contributor", department, managerSeat: null });
  }
  for (const seatIds of members.values()) attachBreadthFirst(random, seats, seatIds);
  return seats;
}

/** seatIds[0] is the department head; everyone after it is placed under the earliest open manager. */
function attachBreadthFirst(random: SeededRandom, seats: OrgSeat[], seatIds: number[]): void {
  const open: { seat: number; span: number; reports: number }[] = [];
  let cursor = 0;
  for (const seatId of seatIds) {
    if (open.length > 0) {
      let manager = open[cursor];
      while (manager !== undefined && manager.reports >= manager.span) manager = open[++cursor];
      if (manager === undefined) throw new Error("org chart ran out of managers");
      manager.reports++;
      const seat = seats[seatId] as OrgSeat;
      seat.managerSeat = manager.seat;
      const managerSeat = seats[manager.seat] as OrgSeat;
      if (managerSeat.role === "contributor") managerSeat.role = "manager";
    }
    open.push({ seat: seatId, span: random.int(MIN_SPAN, MAX_SPAN), reports: 0 });
  }
}
